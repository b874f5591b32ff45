// Linked into the fuzz suites of more than one test project (see their .csproj): one definition of "mutated input".
namespace Payments.Client.Tests.Shared;

/// <summary>Replaces, deletes or inserts bytes at the given positions: turns a valid document into almost-valid input.</summary>
internal static class ByteMutations
{
    public static byte[] Apply(byte[] source, (int Op, int Position, byte Value)[] edits)
    {
        var bytes = new List<byte>(source);
        foreach ((int op, int position, byte value) in edits)
        {
            int at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (op)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.Insert(at, value);
                    break;
            }
        }

        return [.. bytes];
    }
}
