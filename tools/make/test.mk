# `make test` and `make bench`.
#
# Every test suite is a target test-<name> listed in TEST_SUITES by its own fragment. A suite writes
# TAP ("ok 1 - name", "not ok 2 - name", "ok 3 - name # SKIP reason", plan "1..N") to
# $(RESULTS)/<name>.tap and exits 0 even when tests fail, so every suite runs; tools/test-summary.py
# then prints one line per suite and the closing "N passed, N failed, N skipped" line, and fails
# if any test failed or any suite wrote no complete TAP.

RESULTS := $(BUILD)/test-results

.PHONY: test deps bench
deps:
	@tools/install-deps.sh

test: deps
	@rm -rf $(RESULTS) && mkdir -p $(RESULTS)
	@$(MAKE) --no-print-directory -k $(addprefix test-,$(TEST_SUITES)) || true
	@$(PYTHON) tools/test-summary.py $(RESULTS) $(TEST_SUITES)

bench: deps all
	@for b in $(BENCHES); do $$b || exit 1; done
