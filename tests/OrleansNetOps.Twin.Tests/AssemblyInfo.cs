// The lab test class runs real bgpd processes; nothing else should compete for the two shared cores meanwhile.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
