/* /proc/net/dev: per-interface counters in Linux's format (net/core/net-procfs.c), read by ifconfig. */
#include <linux/netdevice.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <net/net_namespace.h>

static void dev_seq_printf_stats(struct seq_file *seq, struct net_device *dev)
{
	const struct net_device_stats *stats = dev_get_stats(dev);

	seq_printf(seq, "%6s: %7lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu %8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n",
		   dev->name, stats->rx_bytes, stats->rx_packets, stats->rx_errors,
		   stats->rx_dropped + dev->rx_nohandler, stats->rx_fifo_errors,
		   stats->rx_length_errors + stats->rx_over_errors + stats->rx_crc_errors + stats->rx_frame_errors,
		   0UL, stats->multicast, stats->tx_bytes, stats->tx_packets, stats->tx_errors, stats->tx_dropped,
		   stats->tx_fifo_errors, stats->collisions,
		   stats->tx_carrier_errors + stats->tx_aborted_errors, 0UL);
}

static int dev_seq_show(struct seq_file *seq, void *v)
{
	struct net_device *dev;

	seq_puts(seq, "Inter-|   Receive                            |  Transmit\n"
		      " face |bytes    packets errs drop fifo frame compressed multicast|"
		      "bytes    packets errs drop fifo colls carrier compressed\n");
	for_each_netdev(&init_net, dev)
		dev_seq_printf_stats(seq, dev);
	return 0;
}

/* /proc/net/softnet_stat: processed, dropped, time_squeeze (first three columns of Linux's). */
static int softnet_seq_show(struct seq_file *seq, void *v)
{
	seq_printf(seq, "%08x %08x %08x\n", softnet_data.processed, softnet_data.dropped, softnet_data.time_squeeze);
	return 0;
}

static int __init dev_proc_init(void)
{
	proc_create_single("net/dev", 0444, NULL, dev_seq_show);
	proc_create_single("net/softnet_stat", 0444, NULL, softnet_seq_show);
	return 0;
}
subsys_initcall(dev_proc_init);
