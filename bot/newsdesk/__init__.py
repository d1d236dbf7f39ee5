"""The news desk: article dates, who a claim is attributed to, links to the quoted words,
date and outlet filters, "Sources differ" contradictions and timelines. Builds on the
answering core; the `annotate` stage adds its findings to a draft answer."""
