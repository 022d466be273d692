#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, once, on a fresh machine.
# As root it runs apt-get update + install for whatever is missing; otherwise it prints the one
# command to run and fails. Each entry is "command-or-file:package".
set -eu

needs=(
	gcc:build-essential make:build-essential ld:binutils nasm:nasm
	grub-mkrescue:grub-common /usr/lib/grub/i386-pc/modinfo.sh:grub-pc-bin xorriso:xorriso mformat:mtools
	qemu-system-x86_64:qemu-system-x86 gdb:gdb
	/usr/include/cmocka.h:libcmocka-dev clang:clang
	/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev
	/usr/lib/python3/dist-packages/pytest/__init__.py:python3-pytest
	/usr/lib/python3/dist-packages/scapy/__init__.py:python3-scapy
	/usr/lib/python3/dist-packages/pexpect/__init__.py:python3-pexpect
	/usr/lib/python3/dist-packages/xdist/__init__.py:python3-pytest-xdist
	/usr/lib/python3/dist-packages/pytest_timeout.py:python3-pytest-timeout
	tshark:tshark ip:iproute2 nc:netcat-openbsd curl:curl socat:socat ping:iputils-ping
)

missing=()
for entry in "${needs[@]}"; do
	what=${entry%%:*}
	pkg=${entry#*:}
	if [[ $what == /* ]]; then
		[[ -e $what ]] && continue
	else
		command -v "$what" >/dev/null 2>&1 && continue
	fi
	[[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
done

[[ ${#missing[@]} -eq 0 ]] && exit 0

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
	echo "Missing packages: ${missing[*]}" >&2
	echo "Run as root: $cmd" >&2
	exit 1
fi
echo "Installing: ${missing[*]}"
# tshark asks whether non-root users may capture; answer no without a terminal.
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
bash -c "$cmd"
