// Each test class runs a lab of real bgpd processes; two at once would only compete for the two shared cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
