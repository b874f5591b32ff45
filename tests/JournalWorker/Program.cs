using JournalWorker;

// dotnet JournalWorker.dll fake ... | merchant ... : see FakeRole and MerchantRole. The proofs start these; nothing else does.
return args.Length > 0 && args[0] == "fake" ? await FakeRole.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "merchant" ? await MerchantRole.RunAsync(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: fake <seed> <webhook-url|none> <secret> <webhook-drop-share> | merchant <sqlite|postgres> <store> <base-address> <api-key> <port|0> <secret> <orders> <instance> <instances> <outcomes-file>");
    return 2;
}
