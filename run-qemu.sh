#!/usr/bin/env bash
# The one place QEMU starts (make run, make debug, the QEMU tests, the benchmarks all come here).
# Boots build/os.iso under TCG with the serial console on this terminal (Ctrl-A X quits QEMU,
# Ctrl-A C toggles the QEMU monitor). Per-run kernel arguments and boot commands travel through
# QEMU fw_cfg (opt/cmdline, opt/run), so the ISO is never rebuilt for a run. See --help.
#
# Exit status: the guest ends QEMU by writing a status v to the isa-debug-exit port 0xf4, which
# QEMU turns into exit code (v << 1) | 1; this script maps it back and exits v (0 = success).
# v = 127 is a kernel panic; the kernel reports a last command's status above 126 as 126.
# 124: --timeout expired. 125: --run given but the guest never powered off (QEMU quit or the
# guest rebooted). 126: QEMU itself failed to start. The message on stderr tells these apart
# from guest statuses with the same number.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
QEMU=${QEMU:-qemu-system-x86_64}
PANIC_STATUS=127

usage() {
	cat <<'USAGE'
Usage: ./run-qemu.sh [options] [-- extra QEMU arguments]

Boots build/os.iso in QEMU with the serial console on this terminal (Ctrl-A X quits).

Options:
  --nic MODEL[,MODEL...]   network card(s): e1000 (default), virtio (transitional virtio-net-pci),
                           virtio-legacy, virtio-modern, none. Repeatable; one card per model.
  --net BACKEND            backend of the next card (repeatable, in card order; default user):
                             user                    QEMU user networking (slirp): guest 10.0.2.15,
                                                     gateway 10.0.2.2, DNS 10.0.2.3, DHCP
                             tap:IFNAME              an existing tap device (needs root)
                             dgram:LOCALPORT:REMOTEPORT   UDP frames to/from 127.0.0.1
                             stream:server:PORT      TCP wire, listening on 127.0.0.1:PORT
                             stream:client:PORT      TCP wire, connecting to 127.0.0.1:PORT
  --fwd tcp:HOSTPORT:GUESTPORT  forward 127.0.0.1:HOSTPORT to the guest (first user backend;
                           repeatable; udp: works too)
  --mac XX:XX:XX:XX:XX:XX  MAC address of card 0 (card N gets the last byte + N); default
                           52:54:00:12:34:56. Give each guest on a shared wire its own.
  --pcap FILE              record every card's traffic (filter-dump): card 0 to FILE,
                           card N>0 to FILE.N
  --mem MB                 guest RAM (default 128)
  --accel tcg|kvm          accelerator (default tcg; KVM boots far slower in nested setups)
  --gdb[=PORT]             wait at reset for gdb on tcp::PORT (default 1234)
  --cmdline 'ARGS'         extra kernel command line (e.g. 'net.debug=tcp,arp ip=dhcp')
  --run 'CMD; CMD'         the shell runs these at boot, then powers off; the exit status is the
                           last command's (0 = success)
  --timeout SECONDS        kill QEMU after SECONDS (exit status 124)
  --serial-log FILE        also write the serial console output to FILE
  --serial-tcp PORT        serial console on 127.0.0.1:PORT instead of this terminal (connect
                           with `nc 127.0.0.1 PORT`; used by make debug, where gdb owns the terminal)
  --iso FILE               boot another image (default build/os.iso)
  --dry-run                print the QEMU command instead of running it
  -h, --help               this text

Exit status: the guest's power-off status (0 success; the last command's status, 126 for
anything above), 127 kernel panic, 124 timeout, 125 --run without a guest power-off,
126 QEMU failed (stderr says which).
USAGE
}

die() {
	echo "run-qemu.sh: $*" >&2
	exit 2
}

nics=()
nets=()
fwds=()
mac0=52:54:00:12:34:56
pcap=
mem=128
accel=tcg
gdb_port=
cmdline=
run_cmds=
have_run=0
timeout_s=
serial_log=
serial_tcp=
iso=$here/build/os.iso
dry_run=0
extra=()

while [[ $# -gt 0 ]]; do
	opt=$1
	case $opt in
	--*=*) val=${opt#*=}; opt=${opt%%=*}; has_val=1 ;;
	*) val=; has_val=0 ;;
	esac
	need_val() {
		if [[ $has_val -eq 0 ]]; then
			[[ $# -ge 2 ]] || die "$opt needs a value (see --help)"
			val=$2
			shift_by=2
		else
			shift_by=1
		fi
	}
	shift_by=1
	case $opt in
	-h|--help) usage; exit 0 ;;
	--nic) need_val "$@"; IFS=, read -ra m <<<"$val"; nics+=("${m[@]}") ;;
	--net) need_val "$@"; nets+=("$val") ;;
	--fwd) need_val "$@"; fwds+=("$val") ;;
	--pcap) need_val "$@"; pcap=$val ;;
	--mac) need_val "$@"; mac0=$val ;;
	--mem) need_val "$@"; mem=$val ;;
	--accel) need_val "$@"; accel=$val ;;
	--gdb) if [[ $has_val -eq 1 ]]; then gdb_port=$val; else gdb_port=1234; fi ;;
	--cmdline) need_val "$@"; cmdline=$val ;;
	--run) need_val "$@"; run_cmds=$val; have_run=1 ;;
	--timeout) need_val "$@"; timeout_s=$val ;;
	--serial-log) need_val "$@"; serial_log=$val ;;
	--serial-tcp) need_val "$@"; serial_tcp=$val ;;
	--iso) need_val "$@"; iso=$val ;;
	--dry-run) dry_run=1 ;;
	--) shift; extra=("$@"); break ;;
	*) die "unknown option '$opt' (see --help)" ;;
	esac
	shift "$shift_by"
done

[[ $mem =~ ^[0-9]+$ && $mem -ge 16 ]] || die "--mem: expected megabytes >= 16, got '$mem'"
[[ $accel == tcg || $accel == kvm ]] || die "--accel: expected tcg or kvm, got '$accel'"
[[ -z $gdb_port || $gdb_port =~ ^[0-9]+$ ]] || die "--gdb: expected a port number, got '$gdb_port'"
[[ -z $timeout_s || $timeout_s =~ ^[0-9]+$ ]] || die "--timeout: expected seconds, got '$timeout_s'"
[[ -z $serial_tcp || $serial_tcp =~ ^[0-9]+$ ]] || die "--serial-tcp: expected a port number, got '$serial_tcp'"
[[ -f $iso ]] || die "$iso not found: run 'make' first"
[[ $mac0 =~ ^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$ ]] || die "--mac: expected XX:XX:XX:XX:XX:XX, got '$mac0'"
(( (0x${mac0:0:2} & 1) == 0 )) || die "--mac: $mac0 is a multicast address (first byte odd)"
[[ $accel != kvm || -w /dev/kvm ]] || die "--accel kvm: /dev/kvm is missing or not writable"
[[ -z $pcap || ! (${#nics[@]} -eq 1 && ${nics[0]} == none) ]] || die "--pcap needs a network card (not --nic none)"
[[ ${#nics[@]} -gt 0 ]] || nics=(e1000)

args=(-M pc -accel "$accel" -m "$mem" -no-reboot -boot d -cdrom "$iso"
      -device isa-debug-exit,iobase=0xf4,iosize=0x04 -nic none)

# Network cards: card i uses backend nets[i] (default user) as netdev n<i>.
if [[ ! (${#nics[@]} -eq 1 && ${nics[0]} == none) ]]; then
	fwd_done=0
	for i in "${!nics[@]}"; do
		mac=$(printf '%s:%02x' "${mac0%:*}" $(((0x${mac0##*:} + i) & 0xff)))
		case ${nics[$i]} in
		e1000) dev="e1000" ;;
		virtio) dev="virtio-net-pci" ;;
		virtio-legacy) dev="virtio-net-pci,disable-modern=on" ;;
		virtio-modern) dev="virtio-net-pci,disable-legacy=on" ;;
		none) die "--nic none cannot be combined with other cards" ;;
		*) die "--nic: unknown model '${nics[$i]}' (e1000, virtio, virtio-legacy, virtio-modern, none)" ;;
		esac
		net=${nets[$i]:-user}
		case $net in
		user)
			nd="user,id=n$i"
			if [[ $fwd_done -eq 0 ]]; then
				for f in "${fwds[@]+"${fwds[@]}"}"; do
					[[ $f =~ ^(tcp|udp):([0-9]+):([0-9]+)$ ]] ||
						die "--fwd: expected tcp:HOSTPORT:GUESTPORT, got '$f'"
					nd+=",hostfwd=${BASH_REMATCH[1]}:127.0.0.1:${BASH_REMATCH[2]}-:${BASH_REMATCH[3]}"
				done
				fwd_done=1
			fi
			;;
		# vnet_hdr=off: QEMU 7.2's filter-dump would write the virtio-net header into the pcap
		tap:?*) nd="tap,id=n$i,ifname=${net#tap:},script=no,downscript=no,vnet_hdr=off" ;;
		dgram:*)
			[[ $net =~ ^dgram:([0-9]+):([0-9]+)$ ]] || die "--net: expected dgram:LOCALPORT:REMOTEPORT, got '$net'"
			nd="dgram,id=n$i,local.type=inet,local.host=127.0.0.1,local.port=${BASH_REMATCH[1]}"
			nd+=",remote.type=inet,remote.host=127.0.0.1,remote.port=${BASH_REMATCH[2]}"
			;;
		stream:server:*|stream:client:*)
			[[ $net =~ ^stream:(server|client):([0-9]+)$ ]] || die "--net: expected stream:server|client:PORT, got '$net'"
			server=off
			[[ ${BASH_REMATCH[1]} == server ]] && server=on
			nd="stream,id=n$i,server=$server,addr.type=inet,addr.host=127.0.0.1,addr.port=${BASH_REMATCH[2]}"
			;;
		*) die "--net: unknown backend '$net' (see --help)" ;;
		esac
		args+=(-netdev "$nd" -device "$dev,netdev=n$i,mac=$mac")
		if [[ -n $pcap ]]; then
			file=$pcap
			[[ $i -gt 0 ]] && file=$pcap.$i
			args+=(-object "filter-dump,id=dump$i,netdev=n$i,file=$file")
		fi
	done
	[[ ${#nets[@]} -le ${#nics[@]} ]] || die "more --net backends (${#nets[@]}) than cards (${#nics[@]})"
	[[ $fwd_done -eq 1 || ${#fwds[@]} -eq 0 ]] || die "--fwd needs a card on the user backend"
else
	[[ ${#nets[@]} -eq 0 && ${#fwds[@]} -eq 0 ]] || die "--net/--fwd given with --nic none"
fi

# fw_cfg blobs go through files, so commas and quotes in them need no QEMU escaping.
tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/run-qemu.XXXXXX")
trap 'rm -rf "$tmpdir"' EXIT
if [[ -n $cmdline ]]; then
	printf '%s' "$cmdline" > "$tmpdir/cmdline"
	args+=(-fw_cfg "name=opt/cmdline,file=$tmpdir/cmdline")
fi
if [[ $have_run -eq 1 ]]; then
	printf '%s' "$run_cmds" > "$tmpdir/run"
	args+=(-fw_cfg "name=opt/run,file=$tmpdir/run")
fi

if [[ -n $serial_tcp ]]; then
	chardev="socket,id=con0,host=127.0.0.1,port=$serial_tcp,server=on,wait=off"
	[[ -n $serial_log ]] && chardev+=",logfile=$serial_log"
	args+=(-chardev "$chardev" -serial chardev:con0 -monitor none)
else
	chardev="stdio,id=con0,mux=on,signal=off"
	[[ -n $serial_log ]] && chardev+=",logfile=$serial_log"
	args+=(-chardev "$chardev" -serial chardev:con0 -mon chardev=con0,mode=readline)
fi
[[ -n ${DISPLAY:-} ]] || args+=(-display none)
[[ -n $gdb_port ]] && args+=(-S -gdb "tcp::$gdb_port")
args+=("${extra[@]+"${extra[@]}"}")

cmd=("$QEMU" "${args[@]}")
if [[ -n $timeout_s ]]; then
	cmd=(timeout --foreground "$timeout_s" "${cmd[@]}")
fi
if [[ $dry_run -eq 1 ]]; then
	printf '%q ' "${cmd[@]}"
	echo
	exit 0
fi

# QEMU's own errors (exit 1, like a guest status 0) are told apart by its stderr.
set +e
"${cmd[@]}" 2> >(tee "$tmpdir/stderr" >&2)
status=$?
set -e
wait 2>/dev/null || true

if [[ $status -eq 124 && -n $timeout_s ]]; then
	echo "run-qemu.sh: timeout after ${timeout_s}s, QEMU killed" >&2
	exit 124
fi
if [[ $status -eq 1 ]] && grep -v ': warning:' "$tmpdir/stderr" | grep -q "^$(basename "$QEMU"):"; then
	echo "run-qemu.sh: QEMU failed to start" >&2
	exit 126
fi
if [[ $status -eq 0 ]]; then
	if [[ $have_run -eq 1 ]]; then
		echo "run-qemu.sh: QEMU exited but the guest did not power off (no --run result)" >&2
		exit 125
	fi
	exit 0
fi
if [[ $((status & 1)) -eq 1 && $status -lt 256 ]]; then
	guest=$((status >> 1))
	if [[ $guest -eq $PANIC_STATUS ]]; then
		echo "run-qemu.sh: kernel panic" >&2
	fi
	exit "$guest"
fi
echo "run-qemu.sh: QEMU exited with status $status" >&2
exit "$status"
