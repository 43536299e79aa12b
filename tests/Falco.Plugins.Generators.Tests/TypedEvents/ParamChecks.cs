using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Falco.Plugins.Syscalls;

namespace Falco.Plugins.Generators.Tests.TypedEvents;

/// <summary>
/// The round trip's assertions, called by the generated harness: what the typed view reads
/// back equals what <see cref="ParamValues"/> built, every <c>TryGet</c> agrees with its
/// accessor, and a parameter encoded with length 0 reads as absent. Failures are collected
/// with the event and parameter they concern.
/// </summary>
public sealed class ParamChecks
{
    private readonly ParamValues _values;
    private readonly List<string> _failures;
    private int[] _lengths = [];
    private byte[] _encoded = [];

    public ParamChecks(ParamValues values, List<string> failures)
    {
        _values = values;
        _failures = failures;
    }

    public int Checked { get; private set; }

    /// <summary>The bytes <c>Encode</c> returned.</summary>
    public byte[] EncodedBytes => _encoded;

    private EventInfo Info => _values.Info;

    /// <summary>The event <c>Encode</c> returned: its header and length table, read independently of the SDK.</summary>
    public void Encoded(byte[] bytes)
    {
        _encoded = bytes;
        int lengthSize = Info.HasLargePayload ? 4 : 2;
        Check(bytes.Length >= 26 + (Info.ParamCount * lengthSize), "header", "event shorter than its length table");
        Check(BinaryPrimitives.ReadUInt64LittleEndian(bytes) == _values.Timestamp, "header", "ts");
        Check(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8)) == _values.ThreadId, "header", "tid");
        Check(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)) == bytes.Length, "header", "len");
        Check(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)) == (ushort)Info.Code, "header", "type");
        Check(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(22)) == Info.ParamCount, "header", "nparams");
        _lengths = Enumerable.Range(0, Info.ParamCount)
            .Select(i => lengthSize == 2
                ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26 + (2 * i)))
                : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(26 + (4 * i))))
            .ToArray();
        Check(26 + (Info.ParamCount * lengthSize) + _lengths.Sum() == bytes.Length, "header", "lengths do not add up to len");
    }

    /// <summary>The result of <c>TryWrite</c> into a buffer of exactly the right size.</summary>
    public void Wrote(bool ok, byte[] buffer, int written)
    {
        Check(ok && written == _encoded.Length && buffer.AsSpan(0, written).SequenceEqual(_encoded), "TryWrite", "differs from Encode");
    }

    /// <summary>The result of <c>TryWrite</c> into a buffer one byte short.</summary>
    public void TooSmall(bool ok, int written) => Check(!ok && written == 0, "TryWrite", "succeeded in a buffer one byte short");

    public void Read(bool ok, string? error, bool quietOk) => Check(ok && error is null && quietOk, "TryRead", error ?? "rejected");

    public void Header(ulong timestamp, ulong threadId, int paramCount)
    {
        Check(timestamp == _values.Timestamp && threadId == _values.ThreadId && paramCount == Info.ParamCount, "header", "read back differently");
    }

    public void Rejected(bool ok) => Check(!ok, "TryRead", "accepted an event of another code");

    public void Scalar<T>(int i, T property, bool found, T tried)
        where T : IEquatable<T>
    {
        Checked++;
        var expected = (T)_values.Expected(i);
        Presence(i, found);
        Check(property.Equals(expected) && tried.Equals(expected), i, $"read {property} / {tried}, wrote {expected}");
    }

    public void Flags(int i, FlagValue property, bool found, FlagValue tried)
    {
        Checked++;
        var expected = (uint)_values.Expected(i);
        Presence(i, found);
        FlagTable? table = Info.Parameters[i].FlagTable;
        Check(property.Value == expected && tried.Value == expected, i, $"read {property.Value}, wrote {expected}");
        Check(ReferenceEquals(property.Table, table) && ReferenceEquals(tried.Table, table), i, "not the parameter's flag table");
    }

    public void Text(int i, ReadOnlySpan<byte> property, bool found, ReadOnlySpan<byte> tried, string? text)
    {
        Checked++;
        var expected = (byte[])_values.Expected(i);
        Presence(i, found);
        Check(property.SequenceEqual(expected) && tried.SequenceEqual(expected), i, "string differs");
        Check(text == Encoding.UTF8.GetString(expected), i, "string helper differs");
    }

    public void Bytes(int i, ReadOnlySpan<byte> property, bool found, ReadOnlySpan<byte> tried)
    {
        Checked++;
        var expected = (byte[])_values.Expected(i);
        Presence(i, found);
        Check(property.SequenceEqual(expected) && tried.SequenceEqual(expected), i, "bytes differ");
    }

    public void SockAddr(int i, SockAddr property, bool found, SockAddr tried)
    {
        Checked++;
        var expected = (SockAddrModel)_values.Expected(i);
        Presence(i, found);
        Check(Same(property, expected) && Same(tried, expected), i, $"address {property.ToString()} differs from {expected}");
    }

    public void SockTuple(int i, SockTuple property, bool found, SockTuple tried)
    {
        Checked++;
        var expected = (SockTupleModel)_values.Expected(i);
        Presence(i, found);
        Check(Same(property, expected) && Same(tried, expected), i, $"tuple {property.ToString()} differs from {expected}");
    }

    public void FdList(int i, FdList property, bool found, FdList tried)
    {
        Checked++;
        var expected = (FdListEntry[])_values.Expected(i);
        Presence(i, found);
        Check(Entries(property).SequenceEqual(expected) && Entries(tried).SequenceEqual(expected), i, "fd list differs");
    }

    public void CharBufArray(int i, CharBufArray property, bool found, CharBufArray tried)
    {
        Checked++;
        var expected = (StringListModel)_values.Expected(i);
        Presence(i, found);
        Check(Strings(property).SequenceEqual(expected.Items.Select(Convert.ToHexString)) && tried.Encoded.SequenceEqual(expected.Encoded), i, "strings differ");
    }

    public void CharBufPairArray(int i, CharBufPairArray property, bool found, CharBufPairArray tried)
    {
        Checked++;
        var expected = (StringListModel)_values.Expected(i);
        Presence(i, found);
        var read = new List<string>();
        foreach (CharBufPair pair in property)
        {
            read.Add(Convert.ToHexString(pair.Key));
            read.Add(Convert.ToHexString(pair.Value));
        }

        Check(read.SequenceEqual(expected.Items.Select(Convert.ToHexString)) && tried.Encoded.SequenceEqual(expected.Encoded), i, "pairs differ");
    }

    public void Dynamic(int i, DynamicValue property, bool found, DynamicValue tried)
    {
        Checked++;
        var expected = (DynamicModel)_values.Expected(i);
        Presence(i, found);
        ParamInfo shape = Info.Parameters[i].DynamicShapes[expected.Index];
        Check(property.Index == expected.Index && ReferenceEquals(property.Shape, shape) && property.Bytes.SequenceEqual(expected.Bytes), i, "dynamic value differs");
        Check(tried.Index == expected.Index && tried.Bytes.SequenceEqual(expected.Bytes), i, "TryGet of the dynamic value differs");
        Check(ReferenceEquals(property.Value.Info, shape), i, "dynamic value's parameter is not its shape");
    }

    private static bool Same(SockAddr value, SockAddrModel model) => value.Family == model.Family && model.Family switch
    {
        SocketFamily.Inet or SocketFamily.Inet6 => value.Endpoint == model.Endpoint,
        SocketFamily.Unix => value.UnixPath.SequenceEqual(model.Tail),
        _ => value.Data.SequenceEqual(model.Tail),
    };

    private static bool Same(SockTuple value, SockTupleModel model) => value.Family == model.Family && model.Family switch
    {
        SocketFamily.Inet or SocketFamily.Inet6 => value.Source == model.Source && value.Destination == model.Destination,
        SocketFamily.Unix => value.SourcePointer == model.SourcePointer && value.DestinationPointer == model.DestinationPointer && value.UnixPath.SequenceEqual(model.Tail),
        _ => value.Data.SequenceEqual(model.Tail),
    };

    private static List<FdListEntry> Entries(FdList list)
    {
        var entries = new List<FdListEntry>();
        foreach (FdListEntry entry in list)
        {
            entries.Add(entry);
        }

        return entries;
    }

    private static List<string> Strings(CharBufArray list)
    {
        var strings = new List<string>();
        foreach (ReadOnlySpan<byte> item in list)
        {
            strings.Add(Convert.ToHexString(item));
        }

        return strings;
    }

    /// <summary>A parameter written with length 0 reads as absent; any other as present.</summary>
    private void Presence(int i, bool found) => Check(found == (_lengths[i] > 0), i, $"TryGet says {(found ? "present" : "absent")}, length {_lengths[i]}");

    private void Check(bool condition, int index, string problem) =>
        Check(condition, $"parameter {index} ({Info.Parameters[index].Name}, {Info.Parameters[index].Type})", problem);

    private void Check(bool condition, string what, string problem)
    {
        if (!condition)
        {
            _failures.Add($"{Info.EnumName} {what}: {problem}");
        }
    }
}
