# The bootable image: build/os.iso made by grub-mkrescue from boot/grub.cfg, build/kernel.elf and
# the GRUB modules listed in ISO_MODULES (the initrd, built by tools/make/user.mk, which adds
# `ISO_MODULES += $(BUILD)/initrd.tar`; each file is passed to the kernel as a multiboot2 module
# named after the file). Without modules the kernel still boots, to start_kernel's idle loop.

ISO := $(BUILD)/os.iso
ISO_DIR := $(BUILD)/isodir
ISO_MODULES ?=

ALL_TARGETS += $(ISO)

# Prerequisites are expanded a second time, after every fragment (user.mk too) has been read.
.SECONDEXPANSION:
$(ISO): $$(KERNEL_ELF) boot/grub.cfg $$(ISO_MODULES) tools/make/iso.mk
	@rm -rf $(ISO_DIR) && mkdir -p $(ISO_DIR)/boot/grub
	cp $(KERNEL_ELF) $(ISO_DIR)/boot/kernel.elf
	$(foreach m,$(ISO_MODULES),cp $(m) $(ISO_DIR)/boot/ &&) true
	sed 's|^\(\s*\)@MODULES@|$(foreach m,$(ISO_MODULES),\1module2 /boot/$(notdir $(m)) $(basename $(notdir $(m)))\n)|' \
		boot/grub.cfg > $(ISO_DIR)/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(ISO_DIR) 2> $(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log >&2; exit 1; }
