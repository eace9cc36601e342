// Each class runs real bgpd processes and a real silo; one at a time on two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
