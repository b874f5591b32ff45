// Each test starts its own fake API process; on 2 shared cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
