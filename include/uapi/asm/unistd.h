/* System call numbers: this ABI is x86_64 only. */
#ifndef _UAPI_ASM_UNISTD_H
#define _UAPI_ASM_UNISTD_H

#include "unistd_64.h"

#endif
