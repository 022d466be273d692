/* <sys/poll.h> is another name for <poll.h>. */
#include <poll.h>
