/* Interface name <-> index over the SIOCGIFINDEX / SIOCGIFNAME ioctls on a throwaway socket. */
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

unsigned int if_nametoindex(const char *name)
{
	struct ifreq ifr;
	int fd, ret;

	if (strlen(name) >= IFNAMSIZ) {
		errno = ENODEV;
		return 0;
	}
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, name);
	ret = ioctl(fd, SIOCGIFINDEX, &ifr);
	close(fd);
	return ret < 0 ? 0 : (unsigned int)ifr.ifr_ifindex;
}

char *if_indextoname(unsigned int index, char *name)
{
	struct ifreq ifr;
	int fd, ret;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return NULL;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = (int)index;
	ret = ioctl(fd, SIOCGIFNAME, &ifr);
	close(fd);
	if (ret < 0) {
		if (errno == ENODEV)
			errno = ENXIO;
		return NULL;
	}
	return strncpy(name, ifr.ifr_name, IFNAMSIZ);
}
