using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Payments.Client.Tests.Shared;

/// <summary>
/// A private PostgreSQL cluster for tests: Debian's <c>postgresql</c> package (<c>.ci/system-packages postgresql</c>),
/// <c>initdb</c> into a fresh temporary directory and <c>pg_ctl</c> on 127.0.0.1 and a free port, run as the
/// <c>postgres</c> user when the tests run as root (initdb and postgres refuse root). <c>fsync=off</c>: these tests
/// prove what the app does with PostgreSQL's answers, not PostgreSQL's own durability against power loss.
/// Stopped (immediately) and deleted on dispose. Each test class takes its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>initdb and a start or stop each end within this on a loaded 2-core machine, or the test fails saying which.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _dir;
    private readonly bool _asPostgresUser;
    private readonly bool _durable;
    private int _databases;

    private PostgresServer(string bin, string dir, int port, bool asPostgresUser, bool durable)
    {
        _durable = durable;
        _bin = bin;
        _dir = dir;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>True between a start and a stop.</summary>
    public bool Running { get; private set; }

    /// <summary>The connection string of <paramref name="database"/> on this server (trust authentication, no password).</summary>
    public string ConnectionString(string database = "postgres") =>
        FormattableString.Invariant($"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=15;Maximum Pool Size=20");

    /// <param name="durable">fsync on, as in production: for a benchmark that measures commit times.</param>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        string bin = BinDirectory();
        bool asPostgresUser = Environment.UserName == "root";
        string dir = Directory.CreateTempSubdirectory("payments-pg-").FullName;
        var server = new PostgresServer(bin, dir, FreePort(), asPostgresUser, durable);
        try
        {
            if (asPostgresUser)
            {
                await RunAsync("chown", ["postgres:postgres", dir], asUser: false);
            }

            await server.RunToolAsync("initdb", ["-D", server.DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private string DataDir => Path.Combine(_dir, "data");

    /// <summary>A fresh, empty database for one test class (so suites never share state); its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "t" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Starts the cluster (again) on the same port and data.</summary>
    public async Task StartAgainAsync()
    {
        string settings = FormattableString.Invariant(
            $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories='' {(_durable ? string.Empty : "-c fsync=off -c full_page_writes=off ")}-c max_connections=300 -c shared_buffers=32MB");
        await RunToolAsync("pg_ctl", ["-D", DataDir, "-l", Path.Combine(_dir, "server.log"), "-o", settings, "-w", "-t", ((int)Deadline.TotalSeconds).ToString(CultureInfo.InvariantCulture), "start"]);
        Running = true;
    }

    /// <summary>Stops the cluster at once (<c>-m immediate</c>: no checkpoint, clients cut off), as an outage looks to the app.</summary>
    public async Task StopAsync()
    {
        await RunToolAsync("pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "-t", ((int)Deadline.TotalSeconds).ToString(CultureInfo.InvariantCulture), "stop"]);
        Running = false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Running)
            {
                await StopAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }

    /// <summary>Debian's binaries, newest version first: /usr/lib/postgresql/N/bin.</summary>
    private static string BinDirectory()
    {
        const string Root = "/usr/lib/postgresql";
        string? bin = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out int v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed (no {Root}/*/bin/initdb): run .ci/system-packages postgresql (apt-get install postgresql).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunToolAsync(string tool, string[] args) => RunAsync(Path.Combine(_bin, tool), args, _asPostgresUser);

    private static async Task RunAsync(string program, string[] args, bool asUser)
    {
        var start = new ProcessStartInfo(asUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser)
        {
            foreach (string arg in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', args)} did not end within {Deadline.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
