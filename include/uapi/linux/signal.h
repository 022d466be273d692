/* Signals: the numbers and structures are architecture-specific. */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#include "../asm/signal.h"

#endif
