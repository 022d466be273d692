# QEMU integration tests (suite `qemu`): pytest over tests/qemu/, driving run-qemu.sh guests.
#
# `make test-qemu` builds everything first (once, here, never inside a test), then runs pytest with the
# TAP plugin (tests/qemu/tap_report.py) writing $(RESULTS)/qemu.tap. Guest consoles land in
# $(RESULTS)/qemu/, pcaps in $(RESULTS)/pcap/. Tests run two at a time with pytest-xdist when it is
# installed; every test has a time limit (pytest-timeout) and the whole run one more (timeout(1)), so a
# hung guest fails a test and never hangs `make test`. Choose files with QEMU_TESTS and pass pytest
# options with QEMU_PYTEST_ARGS, e.g. `make test-qemu QEMU_TESTS=test_shell.py QEMU_PYTEST_ARGS='-k kill -n0'`.

TEST_SUITES += qemu

QEMU_TEST_JOBS ?= 2
QEMU_TEST_TIMEOUT ?= 600
QEMU_SUITE_TIMEOUT ?= 1500
QEMU_PYTEST_ARGS ?=
QEMU_TESTS ?= .

.PHONY: test-qemu
test-qemu: all
	@mkdir -p $(RESULTS)
	@cd tests/qemu && \
	jobs=$$($(PYTHON) -c 'import xdist' 2>/dev/null && echo "-n $(QEMU_TEST_JOBS)"); \
	tmo=$$($(PYTHON) -c 'import pytest_timeout' 2>/dev/null && echo "--timeout=$(QEMU_TEST_TIMEOUT)"); \
	PYTHONPATH=$(CURDIR)/tests/qemu BUILD=$(BUILD) RESULTS=$(abspath $(RESULTS)) \
	timeout -k 10 $(QEMU_SUITE_TIMEOUT) $(PYTHON) -m pytest -p tap_report $$jobs $$tmo \
		--tap $(abspath $(RESULTS))/qemu.tap $(QEMU_PYTEST_ARGS) $(QEMU_TESTS) \
		|| echo "test-qemu: pytest exited $$? (failures are in $(RESULTS)/qemu.tap)"
