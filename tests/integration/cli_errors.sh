#!/bin/sh
# Bad input: one clear line on stderr and a non-zero exit, for every case a user can hit.
. "$(dirname "$0")/../lib.sh"

expect_error "invalid system call 'opn'" "$BSTRACE" -e trace=opn -- /bin/true
expect_error "invalid system call 'nosuch'" "$BSTRACE" -e trace=open,nosuch -- /bin/true
expect_error "invalid system call '%bogus'" "$BSTRACE" -e trace=%bogus -- /bin/true
expect_error "invalid filter qualifier" "$BSTRACE" -e bogus=1 -- /bin/true
expect_error "invalid signal 'SIGNOPE'" "$BSTRACE" -e signal=SIGNOPE -- /bin/true
expect_error "invalid descriptor 'x'" "$BSTRACE" -e read=x -- /bin/true
expect_error "invalid regular expression" "$BSTRACE" -e 'trace=/(' -- /bin/true
expect_error "command not found" "$BSTRACE" -- no-such-command-xyz
expect_error "No such file or directory" "$BSTRACE" -- ./no/such/file
printf 'data\n' >"$WORK/notexec"
chmod 644 "$WORK/notexec"
expect_error "not an executable file" "$BSTRACE" -- "$WORK/notexec"
expect_error "cannot attach to pid 999999999" "$BSTRACE" -p 999999999
expect_error "invalid process id 'abc'" "$BSTRACE" -p abc
expect_error "invalid string size '-1'" "$BSTRACE" -s -1 -- /bin/true
expect_error "invalid string size 'x'" "$BSTRACE" -s x -- /bin/true
expect_error "invalid column '40x'" "$BSTRACE" -a40x -- /bin/true
expect_error "invalid column 'x'" "$BSTRACE" --columns x -- /bin/true
expect_error "invalid buffer size '3000'" "$BSTRACE" -b 3000 -- /bin/true
expect_error "must have PROG" "$BSTRACE"
expect_error "-p and a command cannot be combined" "$BSTRACE" -p 1 -- /bin/true
expect_error "-z and -Z cannot be combined" "$BSTRACE" -z -Z -- /bin/true
expect_error "cannot open output file" "$BSTRACE" -o /nonexistent/dir/x -- /bin/true

# counting modes
expect_error "invalid --by key 'pids'" "$BSTRACE" -c -a --by pids
expect_error "invalid sort key 'bogus' for -S" "$BSTRACE" -c -S bogus -- /bin/true
expect_error "invalid interval 'x'" "$BSTRACE" -c -a -i x
expect_error "invalid interval '0'" "$BSTRACE" -c -a -i 0
expect_error "invalid duration '-1'" "$BSTRACE" -c -a -d -1
expect_error "invalid duration '0'" "$BSTRACE" -c -a -d 0
expect_error "invalid errno 'ENOPE'" "$BSTRACE" -c -a -e errno=ENOPE
expect_error "--cgroup: cannot use '/sys/fs/cgroup/no-such-group'" \
	"$BSTRACE" -c -a --cgroup /sys/fs/cgroup/no-such-group
expect_error "-a counts every process" "$BSTRACE" -c -a -- /bin/true
expect_error "-c and -C cannot be combined" "$BSTRACE" -c -C -- /bin/true
expect_error "invalid --top count '0'" "$BSTRACE" -c -a --top 0
expect_error "unknown column name" "$BSTRACE" -c -U name,bogus -- /bin/true
