# Print the value of one variable assignment (NAME=... or NAME = ..., with
# backslash continuation lines) of a Makefile, words separated by spaces.
# Usage: awk -v name=NAME -f mk/makevar.awk path/to/Makefile
$0 ~ "^" name "[ \t]*[?:]?=" { on = 1; sub(/^[^=]*=/, "") }
on {
    more = sub(/\\[ \t]*$/, "")
    printf "%s ", $0
    if (!more) exit
}
