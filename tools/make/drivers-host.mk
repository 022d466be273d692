# Host tests of driver code that needs no real hardware (suite drivers-host): the virtqueue ring
# of drivers/virtio/virtio_ring.c against a fake device, PCI enumeration/binding of drivers/pci
# against a fake configuration space (both with the small kernel-service shim tests/drivers/shim.c),
# and the e1000 rings with the test playing the NIC, linked with net's host build of net/
# (build/host/libnet.a and its shim, tools/make/host.mk). tests/drivers/include comes first on the
# include path so that virt_to_phys is the identity (fake devices follow the published addresses).

DRV_HOST_DIR    := $(BUILD)/drivers-host
DRV_HOST_CFLAGS := $(filter-out -Iinclude -Itests/host/include -DHOST_BUILD,$(HOST_CFLAGS)) \
	-Itests/drivers/include -Iinclude -Itests/drivers -DHOST_BUILD
DRV_HOST_TEST_SRCS := $(wildcard tests/drivers/test_*.c)
DRV_HOST_TESTS  := $(patsubst tests/drivers/%.c,$(DRV_HOST_DIR)/%,$(DRV_HOST_TEST_SRCS))
# Tests that link the whole host net/ library instead of tests/drivers/shim.c.
DRV_HOST_NET_TESTS := $(DRV_HOST_DIR)/test_e1000 $(DRV_HOST_DIR)/test_virtio_net
DRV_HOST_SHIM_TESTS := $(filter-out $(DRV_HOST_NET_TESTS),$(DRV_HOST_TESTS))
DRV_HOST_SRCS   := $(DRV_HOST_TEST_SRCS) tests/drivers/shim.c drivers/virtio/virtio_ring.c drivers/pci/pci.c

.PRECIOUS: $(DRV_HOST_DIR)/%.o
$(DRV_HOST_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(DRV_HOST_CFLAGS) -MMD -MP -c $< -o $@

# The driver file each test links against (test_pci includes probe.c and pci-driver.c itself).
$(DRV_HOST_DIR)/test_virtio_ring: $(DRV_HOST_DIR)/drivers/virtio/virtio_ring.o
$(DRV_HOST_DIR)/test_pci: $(DRV_HOST_DIR)/drivers/pci/pci.o

$(DRV_HOST_SHIM_TESTS): $(DRV_HOST_DIR)/test_%: $(DRV_HOST_DIR)/tests/drivers/test_%.o \
		$(DRV_HOST_DIR)/tests/drivers/shim.o
	$(CC) $(HOST_LDFLAGS) -o $@ $^ -lcmocka

# With net's shim: its include directory too (host.h), and its library linked whole (initcalls).
$(DRV_HOST_DIR)/net/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(DRV_HOST_CFLAGS) -Itests/host/include -MMD -MP -c $< -o $@

$(DRV_HOST_DIR)/test_virtio_net: $(DRV_HOST_DIR)/net/drivers/virtio/virtio_ring.o

$(DRV_HOST_NET_TESTS): $(DRV_HOST_DIR)/test_%: $(DRV_HOST_DIR)/net/tests/drivers/test_%.o \
		$(DRV_HOST_DIR)/net/tests/drivers/dma_stub.o $(BUILD)/host/libnet.a
	$(CC) $(HOST_LDFLAGS) -o $@ $(filter %.o,$^) -Wl,--whole-archive $(BUILD)/host/libnet.a \
		-Wl,--no-whole-archive -lcmocka

-include $(patsubst %.c,$(DRV_HOST_DIR)/%.d,$(DRV_HOST_SRCS)) \
	$(patsubst %.c,$(DRV_HOST_DIR)/net/%.d,$(DRV_HOST_TEST_SRCS) tests/drivers/dma_stub.c \
		drivers/virtio/virtio_ring.c)

.PHONY: test-drivers-host
test-drivers-host: $(DRV_HOST_TESTS)
	@mkdir -p $(RESULTS)
	@$(PYTHON) tests/host/run-tap.py $(DRV_HOST_TESTS) > $(RESULTS)/drivers-host.tap || true

TEST_SUITES += drivers-host
