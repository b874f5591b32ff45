namespace Payments.Cli.Tests;

/// <summary>The built tool as its own process: what docker-compose or a script runs.</summary>
public sealed class FakeProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_fake_runs_as_a_process_serves_a_charge_and_stops_cleanly_on_SIGTERM()
    {
        var output = new LineWriter();
        var error = new LineWriter();
        using Process process = StartTool(output, error, "fake", "--port", "0", "--api-key", "sk_test_process");
        try
        {
            Uri baseAddress = await FakeTests.ListeningAsync(output).WaitAsync(Deadline);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var client = new PaymentsClient(http, TestClientOptions.For(baseAddress, "sk_test_process"));

            ChargeResult result = await client.ChargeAsync(new ChargeRequest { Amount = 2500, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.Succeeds });
            await output.WaitForLineAsync(l => l == $"POST /v1/payments/charge -> 200  key={result.IdempotencyKey}", Deadline, "for the charge");

            using (Process signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync().WaitAsync(Deadline);
            }

            await process.WaitForExitAsync().WaitAsync(Deadline);
            Assert.Equal(ChargeStatus.Succeeded, result.Charge.Status);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}; stderr:\n{string.Join('\n', error.Lines)}");
            await output.WaitForLineAsync(l => l == "Stopped.", Deadline, "saying it stopped");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartTool(LineWriter output, LineWriter error, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "payments.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += Into(output);
        process.ErrorDataReceived += Into(error);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Each line the process prints, into <paramref name="writer"/>; a null line is the stream's end.</summary>
    private static DataReceivedEventHandler Into(LineWriter writer) => (_, e) =>
    {
        if (e.Data is not null)
        {
            writer.WriteLine(e.Data);
        }
    };
}
