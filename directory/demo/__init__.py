"""Demo content for a fictional county, Westshire: data files and the rules that load them."""
