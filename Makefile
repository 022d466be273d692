# Top-level build. `make` builds build/kernel.elf and build/os.iso; `make run`, `make debug`,
# `make test` and `make bench` are described in README.md. Each part of the tree has its own
# fragment in tools/make/ (kernel, user programs, ISO, host tests, QEMU tests); this file only
# ties them together. Sources are found by wildcard, so adding a .c file needs no Makefile edit.

BUILD ?= build
.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

include tools/make/config.mk
include $(sort $(filter-out tools/make/config.mk,$(wildcard tools/make/*.mk)))

.PHONY: all clean
all: $(ALL_TARGETS)

clean:
	rm -rf $(BUILD)
