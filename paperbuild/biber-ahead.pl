# biber, started ahead of its input (see paperbuild/ahead.py):
#   perl -w biber-ahead.pl /usr/bin/biber ARGUMENTS...
# compiles the biber script, which loads its Perl modules (half its running time),
# then waits for a line on standard input and runs it with ARGUMENTS, as
# "biber ARGUMENTS..." would. Standard input closed instead: it ends, having done nothing.
use strict;
use warnings;

my $biber = shift @ARGV;
open my $script, '<', $biber or die "biber-ahead: cannot read $biber: $!\n";
my $source = do { local $/; <$script> };
close $script;
$source =~ s/^__END__\n.*//ms;    # its manual, not code
my $main = eval "sub {\n#line 1 \"$biber\"\n$source\n}" or die $@;
defined(<STDIN>) or exit 1;
$0 = $biber;
$main->();
exit 0;
