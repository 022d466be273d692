/* syslog(2) actions (what dmesg uses) and console log levels. */
#ifndef _UAPI_LINUX_SYSLOG_H
#define _UAPI_LINUX_SYSLOG_H

#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2	/* blocking read, consumes */
#define SYSLOG_ACTION_READ_ALL		3	/* the whole buffer, non-destructive */
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

#endif
