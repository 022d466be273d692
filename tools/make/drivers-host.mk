# Host tests of driver code that has no hardware in it (suite drivers-host): the virtqueue ring
# logic of drivers/virtio/virtio_ring.c against a fake device, with the small kernel-service shim
# in tests/drivers/shim.c. tests/drivers/include comes first on the include path so that
# virt_to_phys is the identity there (the fake device follows the published addresses).

DRV_HOST_DIR    := $(BUILD)/drivers-host
DRV_HOST_CFLAGS := $(filter-out -Iinclude -Itests/host/include -DHOST_BUILD,$(HOST_CFLAGS)) \
	-Itests/drivers/include -Iinclude -Itests/drivers -DHOST_BUILD
DRV_HOST_LIB_SRCS := drivers/virtio/virtio_ring.c tests/drivers/shim.c
DRV_HOST_TESTS  := $(patsubst tests/drivers/%.c,$(DRV_HOST_DIR)/%,$(wildcard tests/drivers/test_*.c))

.PRECIOUS: $(DRV_HOST_DIR)/%.o
$(DRV_HOST_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(DRV_HOST_CFLAGS) -MMD -MP -c $< -o $@

$(DRV_HOST_DIR)/test_%: $(DRV_HOST_DIR)/tests/drivers/test_%.o $(patsubst %.c,$(DRV_HOST_DIR)/%.o,$(DRV_HOST_LIB_SRCS))
	$(CC) $(HOST_LDFLAGS) -o $@ $^ -lcmocka

-include $(patsubst %.c,$(DRV_HOST_DIR)/%.d,$(DRV_HOST_LIB_SRCS) $(wildcard tests/drivers/test_*.c))

.PHONY: test-drivers-host
test-drivers-host: $(DRV_HOST_TESTS)
	@mkdir -p $(RESULTS)
	@$(PYTHON) tests/host/run-tap.py $(DRV_HOST_TESTS) > $(RESULTS)/drivers-host.tap || true

TEST_SUITES += drivers-host
