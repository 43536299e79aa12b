using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using Falco.Plugins.Testing.Captures;

namespace Falco.Plugins.Testing;

/// <summary>
/// Writes a capture file libscap (and <see cref="CaptureFile"/>) can read: a section header
/// (format 1.2) and a machine info block at once, then optionally the process list with its
/// fd lists, then events (syscall events, plugin events of code 322, any event in the current
/// 26-byte-header layout). Metadata must come before the first event, as in libscap's files.
/// </summary>
public sealed class CaptureFileWriter : IDisposable
{
    /// <summary>The largest block a reader takes as a normal event block: libscap's 64 KiB read buffer.</summary>
    private const int MaxNormalEventBlockBody = 1 << 16;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private bool _eventsStarted;
    private bool _disposed;

    /// <summary>Starts a capture on <paramref name="stream"/>: writes the section header and machine info.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="machine">The machine info block (default: one CPU, nothing else known).</param>
    /// <param name="compress">Whether to gzip the capture, as libscap does by default.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves <paramref name="stream"/> open.</param>
    public CaptureFileWriter(Stream stream, CaptureMachineInfo? machine = null, bool compress = false, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _leaveOpen = leaveOpen;
        _output = compress ? new GZipStream(stream, CompressionLevel.Optimal, leaveOpen) : stream;
        WriteSectionHeader();
        WriteMachineInfo(machine ?? new CaptureMachineInfo(1, 0, 0, ""));
    }

    /// <summary>Creates the file at <paramref name="path"/> (replacing it) and starts a capture in it.</summary>
    public static CaptureFileWriter Create(string path, CaptureMachineInfo? machine = null, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new CaptureFileWriter(File.Create(path), machine, compress);
    }

    /// <summary>Writes a process list block with <paramref name="threads"/>, then an fd list block for each thread with fds.</summary>
    /// <exception cref="InvalidOperationException">Events were already written.</exception>
    /// <exception cref="ArgumentException">A string of a thread is longer than the format allows (65535 bytes).</exception>
    public void WriteThreads(IEnumerable<CaptureThread> threads)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_eventsStarted)
        {
            throw new InvalidOperationException("threads go before the first event of a capture");
        }

        CaptureThread[] list = [.. threads];
        WriteBlock(BlockTypes.ProcessListV9, ProcessListWriter.ProcessList(list).Written);
        foreach (CaptureThread thread in list)
        {
            if (thread.Fds.Count > 0)
            {
                WriteBlock(BlockTypes.FdListV2, ProcessListWriter.FdList(thread.Tid, thread.Fds).Written);
            }
        }
    }

    /// <summary>Writes <paramref name="evt"/> in an event block.</summary>
    /// <exception cref="ArgumentException">The bytes are not an event: shorter than its header, or not as long as its length field says.</exception>
    public void WriteEvent(CapturedEvent evt, ushort cpu = 0)
    {
        ArgumentNullException.ThrowIfNull(evt);
        WriteEvent(evt.Bytes.Span, cpu);
    }

    /// <summary>Writes the event <paramref name="evt"/> (26-byte header, parameter lengths and values) in an event block.</summary>
    /// <exception cref="ArgumentException">The bytes are not an event: shorter than its header, or not as long as its length field says.</exception>
    public void WriteEvent(ReadOnlySpan<byte> evt, ushort cpu = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (evt.Length < EventBlockReader.HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(evt[16..]) != (uint)evt.Length)
        {
            throw new ArgumentException("an event needs a 26-byte header and a length field equal to its size", nameof(evt));
        }

        _eventsStarted = true;
        int bodyLength = sizeof(ushort) + evt.Length;
        // Blocks longer than libscap's normal read buffer must say they are large.
        uint type = Padded(bodyLength) + CaptureBlock.TrailerSize > MaxNormalEventBlockBody ? BlockTypes.EventV2Large : BlockTypes.EventV2;
        Span<byte> cpuId = stackalloc byte[sizeof(ushort)];
        WriteHeader(type, bodyLength);
        BinaryPrimitives.WriteUInt16LittleEndian(cpuId, cpu);
        _output.Write(cpuId);
        _output.Write(evt);
        WriteTrailer(bodyLength);
    }

    /// <summary>Finishes the capture (ends the gzip stream) and closes it unless asked to leave it open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_output is GZipStream || !_leaveOpen)
        {
            _output.Dispose();
        }
        else
        {
            _output.Flush();
        }
    }

    private void WriteSectionHeader()
    {
        var body = new BlockBuilder();
        body.U32(SectionHeaderReader.ByteOrderMagic);
        body.U16(SectionHeaderReader.MajorVersion);
        body.U16(SectionHeaderReader.MinorVersion);
        body.U64(ulong.MaxValue); // section length: unknown
        WriteBlock(BlockTypes.SectionHeader, body.Written);
    }

    private void WriteMachineInfo(CaptureMachineInfo machine)
    {
        var body = new BlockBuilder();
        body.U32(machine.CpuCount);
        body.U64(machine.MemorySizeBytes);
        body.U64(machine.MaxPid);
        byte[] hostname = new byte[MachineInfoReader.HostnameSize];
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(machine.Hostname);
        // Truncated to leave the C string its terminator.
        utf8.AsSpan(0, Math.Min(utf8.Length, hostname.Length - 1)).CopyTo(hostname);
        body.Bytes(hostname);
        body.U64(machine.BootTimestamp);
        body.U64(machine.Flags);
        body.U64(0);
        body.U64(0);
        WriteBlock(BlockTypes.MachineInfo, body.Written);
    }

    /// <summary>A block: type, total length, body, zero padding to 4 bytes, total length again.</summary>
    private void WriteBlock(uint type, ReadOnlySpan<byte> body)
    {
        WriteHeader(type, body.Length);
        _output.Write(body);
        WriteTrailer(body.Length);
    }

    private void WriteHeader(uint type, int bodyLength)
    {
        Span<byte> header = stackalloc byte[CaptureBlock.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, type);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], TotalLength(bodyLength));
        _output.Write(header);
    }

    /// <summary>The zero padding that aligns the block to 4 bytes, then the total length again.</summary>
    private void WriteTrailer(int bodyLength)
    {
        Span<byte> trailer = stackalloc byte[8];
        int padding = (int)(Padded(bodyLength) - (uint)bodyLength);
        trailer[..padding].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[padding..], TotalLength(bodyLength));
        _output.Write(trailer[..(padding + CaptureBlock.TrailerSize)]);
    }

    private static uint TotalLength(int bodyLength) => CaptureBlock.HeaderSize + Padded(bodyLength) + CaptureBlock.TrailerSize;

    private static uint Padded(int length) => ((uint)length + 3) & ~3u;
}
