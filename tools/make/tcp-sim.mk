# Suite `tcp-sim`: two host builds of the stack in two processes, TCP over a simulated lossy wire
# (tests/host/sim/tcp_sim.c explains the design). `make tcp-sim` builds it; `make test-tcp-sim`
# runs the 0/1/5/20 % impairment rates and writes TAP. By hand: build/host/tcp_sim 0 5 20 50
TCP_SIM := $(HOST_DIR)/tcp_sim

$(HOST_DIR)/tests/host/sim/tcp_sim.o: tests/host/sim/tcp_sim.c
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(TCP_SIM): $(HOST_DIR)/tests/host/sim/tcp_sim.o $(HOST_LIB)
	$(CC) $(HOST_LDFLAGS) -o $@ $< -Wl,--whole-archive $(HOST_LIB) -Wl,--no-whole-archive

-include $(HOST_DIR)/tests/host/sim/tcp_sim.d

.PHONY: tcp-sim test-tcp-sim
tcp-sim: $(TCP_SIM)

test-tcp-sim: $(TCP_SIM)
	@mkdir -p $(RESULTS)
	@$(TCP_SIM) > $(RESULTS)/tcp-sim.tap || true

TEST_SUITES += tcp-sim
