/*
 * QEMU's firmware configuration device (fw_cfg, docs/specs/fw_cfg.rst in QEMU): named blobs the
 * host passes with `-fw_cfg name=opt/...,file=...`. run-qemu.sh uses it so a run can change the
 * kernel command line (opt/cmdline) and the commands the shell runs at boot (opt/run) without
 * rebuilding the ISO. Legacy I/O interface: write a 16-bit selector to port 0x510, read bytes from
 * 0x511; selector 0x19 is the file directory (big-endian count, then 64-byte entries).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fw_cfg.h>
#include <asm/io.h>

#define FW_CFG_PORT_SEL		0x510
#define FW_CFG_PORT_DATA	0x511
#define FW_CFG_SIGNATURE	0x0000
#define FW_CFG_FILE_DIR		0x0019
#define FW_CFG_MAX_FILE_PATH	56
#define FW_CFG_MAX_BLOB		(64 * 1024)	/* refuse absurd sizes: this is a command line */

struct fw_cfg_file {
	__be32 size;
	__be16 select;
	u16 reserved;
	char name[FW_CFG_MAX_FILE_PATH];
};

const char *fw_cfg_run_cmds;
const char *fw_cfg_cmdline;

static void fw_cfg_select(u16 key)
{
	outw(key, FW_CFG_PORT_SEL);
}

static void fw_cfg_read(void *buf, size_t len)
{
	u8 *p = buf;

	while (len--)
		*p++ = inb(FW_CFG_PORT_DATA);
}

static u32 be32(__be32 v)
{
	return __builtin_bswap32(v);
}

static bool fw_cfg_present(void)
{
	char sig[4];

	fw_cfg_select(FW_CFG_SIGNATURE);
	fw_cfg_read(sig, sizeof(sig));
	return !memcmp(sig, "QEMU", 4);
}

static int fw_cfg_find(const char *name, u16 *select, u32 *size)
{
	struct fw_cfg_file f;
	__be32 count_be;
	u32 count;

	if (!fw_cfg_present())
		return -ENODEV;
	fw_cfg_select(FW_CFG_FILE_DIR);
	fw_cfg_read(&count_be, sizeof(count_be));
	count = be32(count_be);
	for (u32 i = 0; i < count; i++) {
		fw_cfg_read(&f, sizeof(f));
		f.name[FW_CFG_MAX_FILE_PATH - 1] = '\0';
		if (!strcmp(f.name, name)) {
			*select = __builtin_bswap16(f.select);
			*size = be32(f.size);
			return 0;
		}
	}
	return -ENOENT;
}

/* A NUL-terminated kmalloc'd copy of fw_cfg file name, or NULL when QEMU did not pass it. */
char *fw_cfg_read_file(const char *name)
{
	u16 select;
	u32 size;
	char *buf;

	if (fw_cfg_find(name, &select, &size))
		return NULL;
	if (size > FW_CFG_MAX_BLOB) {
		pr_warn("fw_cfg: %s is %u bytes, more than %d: ignored\n", name, size, FW_CFG_MAX_BLOB);
		return NULL;
	}
	buf = kmalloc(size + 1, GFP_KERNEL);
	if (!buf)
		return NULL;
	fw_cfg_select(select);
	fw_cfg_read(buf, size);
	buf[size] = '\0';
	return buf;
}

void fw_cfg_init(void)
{
	fw_cfg_cmdline = fw_cfg_read_file("opt/cmdline");
	fw_cfg_run_cmds = fw_cfg_read_file("opt/run");
	if (fw_cfg_run_cmds)
		pr_info("fw_cfg: boot commands: %s\n", fw_cfg_run_cmds);
}
