# expand.awk: the commands file with each expect: pattern's X{N} (X a bracket expression, an
# escaped character or a single character) written out N times, as Debian 12's mawk (the awk
# that checks the patterns, here and in the shared harness) has no interval expressions.
function rep(s, n,   r) { r = ""; while (n-- > 0) r = r s; return r }
function expand(p,   out, i, j, c, atom) {
	out = ""; i = 1
	while (i <= length(p)) {
		c = substr(p, i, 1)
		if (c == "\\") { atom = substr(p, i, 2); i += 2 }
		else if (c == "[") {
			j = i + 1
			if (substr(p, j, 1) == "^") j++
			if (substr(p, j, 1) == "]") j++
			while (j <= length(p) && substr(p, j, 1) != "]") j++
			atom = substr(p, i, j - i + 1); i = j + 1
		} else { atom = c; i++ }
		if (match(substr(p, i), /^\{[0-9]+\}/)) {
			out = out rep(atom, substr(p, i + 1, RLENGTH - 2) + 0); i += RLENGTH
		} else
			out = out atom
	}
	return out
}
/^expect:/ { print expand($0); next }
{ print }
