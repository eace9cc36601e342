// Three silo processes and a lab of bgpd at a time: one test at a time on two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
