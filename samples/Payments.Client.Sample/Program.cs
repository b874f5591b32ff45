// The Payments.Client sample: `dotnet run --project samples/Payments.Client.Sample`.
// With no configuration it runs against the in-process fake API; with Payments__BaseAddress and
// Payments__ApiKey set it talks to that API instead.
return await Payments.Client.Sample.SampleApp.RunAsync(args, Console.Out);
