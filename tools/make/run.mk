# `make run`: boot the ISO in QEMU with the serial console on this terminal (Ctrl-A X quits).
# `make debug`: QEMU waiting for gdb, and gdb attached with the kernel's symbols (tools/gdb/).
# Extra run-qemu.sh options: make run RUN_ARGS='--nic virtio --cmdline net.debug=tcp'

RUN_ARGS ?=
GDB_PORT ?= 1234

.PHONY: run debug
run: $(ISO)
	./run-qemu.sh $(RUN_ARGS)
