# `make run`: boot the ISO in QEMU with the serial console on this terminal (Ctrl-A X quits).
# `make debug`: QEMU waiting for gdb in the background (serial console on 127.0.0.1:$(SERIAL_PORT),
# also logged to build/serial.log), and gdb in the foreground with the kernel's symbols
# (tools/gdb/kernel.gdb), stopped at reset with a breakpoint on start_kernel: type `continue`.
# Extra run-qemu.sh options: make run RUN_ARGS='--nic virtio --cmdline net.debug=tcp'

RUN_ARGS ?=
GDB_PORT ?= 1234
SERIAL_PORT ?= 4555
GDB_PY :=

# gdb auto-loads kernel.elf-gdb.py next to kernel.elf (helpers written by the net areas).
ifneq ($(wildcard tools/gdb/kernel.elf-gdb.py),)
GDB_PY := $(BUILD)/kernel.elf-gdb.py
ALL_TARGETS += $(GDB_PY)
$(GDB_PY): tools/gdb/kernel.elf-gdb.py
	@mkdir -p $(@D)
	cp $< $@
endif

.PHONY: run debug
run: $(ISO)
	./run-qemu.sh $(RUN_ARGS)

debug: $(ISO) $(GDB_PY)
	@echo "debug: serial console: nc 127.0.0.1 $(SERIAL_PORT)  (log: $(BUILD)/serial.log)"
	@./run-qemu.sh --gdb=$(GDB_PORT) --serial-tcp $(SERIAL_PORT) --serial-log $(BUILD)/serial.log \
		$(RUN_ARGS) </dev/null & qemu=$$!; \
	GDB_PORT=$(GDB_PORT) gdb -q -x tools/gdb/kernel.gdb -ex 'break start_kernel'; \
	kill $$qemu 2>/dev/null; wait $$qemu 2>/dev/null; true

# make bench: boot time, kernel sizes, ISO size, clean build time.
BENCHES += tools/bench/boot-time.sh
