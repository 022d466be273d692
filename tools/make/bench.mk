# Network benchmarks of issues 3 and 4 (`make bench`; figures with the command used, not pass/fail):
# ping RTT, UDP and TCP throughput, connection setup rate, request latency, for e1000 and virtio-net
# against Linux in a network namespace. Needs root; prints "skipped" otherwise.
BENCHES += tools/bench/net_bench.py
