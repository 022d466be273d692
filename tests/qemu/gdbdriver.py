"""Runs inside gdb (`gdb -batch -x gdbdriver.py`): set breakpoints, continue, record every hit as JSON.

Driven by tests/qemu/gdbrun.py; configuration in the environment variable QA_GDB_CONFIG (JSON):
  {"breaks": [{"spec": "start_kernel", "once": true, "bt": false,
               "eval": {"syn": "((struct tcphdr *)skb->data)->syn"}}, ...],
   "max_hits": 50,            # stop recording after this many hits
   "until": "tcp_v4_connect", # optional: stop after this function was hit (and `after` more hits)
   "after": 0,
   "out": "/path/hits.json"}
Each hit: {"n": breakpoint number, "function", "file", "line", "args": {name: value as gdb prints it},
"bt": [function names, innermost first] when asked, "eval": {name: value} of the expressions asked for,
"cmds": {gdb command: its output} for the commands asked for ("cmds": ["tcp-socks"])}. When recording ends gdb detaches, so the guest
runs its --run commands to the end and powers off; "end" says why recording stopped.
"""
import json
import os

import gdb  # noqa: E0401 - only exists inside gdb

cfg = json.loads(os.environ['QA_GDB_CONFIG'])
hits = []
end = 'max_hits'
bps = {}
for b in cfg['breaks']:
    bp = gdb.Breakpoint(b['spec'])
    bps[bp.number] = (bp, b)


def frame_args(frame):
    args = {}
    try:
        block = frame.block()
    except RuntimeError:
        return args
    while block is not None and block.function is None:
        block = block.superblock
    if block is None:
        return args
    for sym in block:
        if sym.is_argument:
            try:
                args[sym.name] = str(frame.read_var(sym))
            except (gdb.error, RuntimeError) as e:
                args[sym.name] = '<%s>' % e
    return args


def backtrace(frame, limit=40):
    names = []
    while frame is not None and len(names) < limit:
        names.append(frame.name() or '??')
        try:
            frame = frame.older()
        except gdb.error:
            break
    return names


def backtrace_args(frame, limit=12):
    """[(function, {arg: value})] from the hit frame outwards, as `bt` prints them."""
    rows = []
    while frame is not None and len(rows) < limit:
        rows.append((frame.name() or '??', frame_args(frame)))
        try:
            frame = frame.older()
        except gdb.error:
            break
    return rows


def current_bp_number():
    # gdb sets $bpnum to the last *created* breakpoint; the hit one is found by pc instead.
    pc = gdb.selected_frame().pc()
    for num, (bp, _) in bps.items():
        if not bp.is_valid():
            continue
        for loc in getattr(bp, 'locations', []) or []:
            if loc.address == pc:
                return num
    name = gdb.selected_frame().name()
    for num, (bp, spec) in bps.items():
        if spec['spec'] == name:
            return num
    return 0


after_left = None
last_key = None
repeats = 0
while len(hits) < cfg.get('max_hits', 50):
    try:
        gdb.execute('continue', to_string=True)
        frame = gdb.selected_frame()
    except gdb.error as e:
        end = 'target ended: %s' % e
        break
    num = current_bp_number()
    spec = bps.get(num, (None, {}))[1]
    # QEMU sometimes reports the same breakpoint twice for one call (an interrupt taken while gdb
    # steps over the breakpoint leaves the CPU at the same instruction): same pc, stack pointer,
    # arguments and jiffies is the same call, not a second one.
    try:
        now = str(gdb.parse_and_eval('jiffies'))
    except gdb.error:
        now = None
    key = (frame.pc(), int(gdb.parse_and_eval('$sp')), str(frame_args(frame)), now)
    if key == last_key:
        repeats += 1
        continue
    last_key = key
    sal = frame.find_sal()
    hit = {'n': num, 'function': frame.name(),
           'file': sal.symtab.filename if sal.symtab else None, 'line': sal.line,
           'args': frame_args(frame)}
    if spec.get('bt'):
        hit['bt'] = backtrace(frame)
    if spec.get('bt_args'):
        hit['bt_args'] = backtrace_args(frame)
    for cmd in spec.get('cmds', []):
        try:
            hit.setdefault('cmds', {})[cmd] = gdb.execute(cmd, to_string=True)
        except gdb.error as e:
            hit.setdefault('cmds', {})[cmd] = '<error: %s>' % e
    for name, expr in spec.get('eval', {}).items():
        try:
            hit.setdefault('eval', {})[name] = str(gdb.parse_and_eval(expr))
        except (gdb.error, RuntimeError) as e:
            hit.setdefault('eval', {})[name] = '<%s>' % e
    hits.append(hit)
    if spec.get('once') and bps[num][0].is_valid():
        bps[num][0].delete()
    if after_left is not None:
        after_left -= 1
    elif cfg.get('until') and frame.name() == cfg['until']:
        after_left = cfg.get('after', 0)
    if after_left is not None and after_left <= 0:
        end = 'until'
        break

with open(cfg['out'], 'w') as f:
    json.dump({'hits': hits, 'end': end, 'repeats': repeats}, f, indent=1)

try:
    for bp, _ in bps.values():
        if bp.is_valid():
            bp.delete()
    gdb.execute('detach', to_string=True)
except gdb.error:
    pass
