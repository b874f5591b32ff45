namespace Payments.Client.Stores.Tests.Support;

/// <summary>The receivers' runs file read back: each run of each event, by process, with its start and (unless cut) end.</summary>
internal sealed class HandlerRuns
{
    private HandlerRuns(List<Run> runs) => All = runs;

    public IReadOnlyList<Run> All { get; }

    /// <summary>Reads every receiver's file, <c>PREFIX.PID</c>.</summary>
    public static HandlerRuns Read(string prefix)
    {
        var runs = new List<Run>();
        foreach (string path in Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + ".*"))
        {
            ReadOne(path, runs);
        }

        return new HandlerRuns(runs);
    }

    private static void ReadOne(string path, List<Run> runs)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            string[] parts = line.Split(' ');
            if (parts.Length != 4)
            {
                continue; // a line still being written
            }

            (string what, string id, int pid, long ticks) = (parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
            if (what == "start")
            {
                runs.Add(new Run(id, pid, ticks, End: null));
            }
            else
            {
                int open = runs.FindLastIndex(r => r.EventId == id && r.Pid == pid && r.End is null);
                if (open >= 0)
                {
                    runs[open] = runs[open] with { End = ticks };
                }
            }
        }
    }

    /// <summary>Events with at least one finished run.</summary>
    public HashSet<string> Completed() => All.Where(r => r.End is not null).Select(r => r.EventId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Events run more than once.</summary>
    public List<string> RunMoreThanOnce() => All.GroupBy(r => r.EventId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    /// <summary>Runs that started and never ended (cut short).</summary>
    public List<Run> Cut() => All.Where(r => r.End is null).ToList();

    /// <summary>Pairs of runs of one event by two processes whose start-to-end intervals overlap (a cut run lasts until <paramref name="killedAt"/>).</summary>
    public int Overlaps(long killedAt) => All
        .GroupBy(r => r.EventId)
        .Sum(g =>
        {
            Run[] runs = g.ToArray();
            int overlaps = 0;
            for (int i = 0; i < runs.Length; i++)
            {
                for (int j = i + 1; j < runs.Length; j++)
                {
                    if (runs[i].Pid != runs[j].Pid && runs[i].Start < (runs[j].End ?? killedAt) && runs[j].Start < (runs[i].End ?? killedAt))
                    {
                        overlaps++;
                    }
                }
            }

            return overlaps;
        });

    internal sealed record Run(string EventId, int Pid, long Start, long? End);
}
