/* Memory mappings (anonymous ones are what this kernel offers). */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <features.h>
#include <sys/types.h>
#include <asm/mman.h>

__BEGIN_DECLS

#define MAP_FAILED	((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);
void *mremap(void *old, size_t oldlen, size_t newlen, int flags, ...);

__END_DECLS

#endif
