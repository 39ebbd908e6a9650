"""OAI-PMH 2.0: the public presentations for harvesters (library catalogues, aggregators, Google Scholar's kin)."""
