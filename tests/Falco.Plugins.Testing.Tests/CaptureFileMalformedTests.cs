using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Falco.Plugins.Testing.Tests.Infrastructure;

namespace Falco.Plugins.Testing.Tests;

/// <summary>
/// Malformed, truncated and corrupted captures: reading one either works or fails with a
/// <see cref="CaptureFileException"/> that says where; no other exception, no hang.
/// </summary>
public sealed class CaptureFileMalformedTests
{
    private static readonly Lazy<byte[]> Plain = new(() => SharedData.Decompressed(SharedData.TestIpv6Client));

    [Fact]
    public void An_empty_file_is_no_capture()
    {
        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read([]));

        Assert.Equal(0, error.Offset);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a capture, just some text that is long enough")]
    [InlineData("x")]
    public void Other_files_are_no_captures(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);

        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(bytes));
        CaptureFileException gzipped = Assert.Throws<CaptureFileException>(() => Read(Gzip(bytes)));

        Assert.Equal(0, error.Offset);
        Assert.Contains(bytes.Length >= 8 ? "not a capture file" : "ends inside a block header", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, gzipped.Message);
    }

    [Fact]
    public void A_wrong_byte_order_magic_is_reported()
    {
        byte[] bytes = Copy();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 0xDEADBEEF);

        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(bytes));

        Assert.Equal("invalid capture file at offset 8: invalid byte-order magic 0xDEADBEEF", error.Message);
    }

    [Fact]
    public void A_big_endian_capture_is_reported()
    {
        byte[] bytes = Copy();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 0x1A2B3C4D);

        Assert.Contains("big-endian", Assert.Throws<CaptureFileException>(() => Read(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_major_version_is_refused()
    {
        byte[] bytes = Copy();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(12), 2);

        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(bytes));

        Assert.Matches(@"^invalid capture file at offset 12: format version 2\.\d+ is newer than this reader understands \(1\.x\)$", error.Message);
    }

    [Fact]
    public void Truncation_fails_with_the_offset_unless_it_falls_between_event_blocks()
    {
        byte[] bytes = Plain.Value;
        int all = Read(bytes);
        List<int> boundaries = BlockBoundaries(bytes);
        var blockStarts = boundaries.ToHashSet();
        int firstEventBlock = boundaries.First(b => IsEventBlock(bytes, b));
        // Every offset of the section header and machine info, samples of the rest, and around each block start.
        var cuts = Enumerable.Range(0, 512)
            .Concat(Enumerable.Range(0, bytes.Length / 97).Select(i => i * 97))
            .Concat(boundaries.SelectMany(b => new[] { b - 1, b + 1, b + 5 }))
            .Where(cut => cut >= 0 && cut < bytes.Length)
            .Distinct();

        foreach (int cut in cuts)
        {
            byte[] truncated = bytes[..cut];
            if (cut > firstEventBlock && blockStarts.Contains(cut))
            {
                Assert.InRange(Read(truncated), 1, all - 1);
                continue;
            }

            CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(truncated));
            Assert.InRange(error.Offset, 0, cut);
        }
    }

    [Fact]
    public void Corrupted_block_lengths_fail_with_the_offset_of_the_block()
    {
        byte[] bytes = Plain.Value;
        List<int> boundaries = BlockBoundaries(bytes);
        var blocks = boundaries.Take(12).Concat(boundaries.Skip(12).Where((_, i) => i % 50 == 0)).ToList();
        uint[] wrongLengths = [0, 4, 11, 12, 0x7FFFFFFF, 0xFFFFFFFF];

        foreach (int block in blocks)
        {
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(block + 4));
            foreach (uint wrong in wrongLengths.Append(length + 4).Append(length - 4).Append(length + 1000))
            {
                byte[] corrupted = Copy();
                BinaryPrimitives.WriteUInt32LittleEndian(corrupted.AsSpan(block + 4), wrong);

                CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(corrupted));
                Assert.InRange(error.Offset, block, bytes.Length);
            }
        }
    }

    [Fact]
    public void A_trailer_that_disagrees_with_the_header_is_reported()
    {
        byte[] bytes = Copy();
        // The section header block is 28 bytes long; its trailer is its last word.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), 32);

        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(bytes));

        Assert.Equal("invalid capture file at offset 0: block of type 0xA0D0D0A has length 28 in its header but 32 in its trailer", error.Message);
    }

    [Fact]
    public void Random_corruption_never_escapes_as_another_exception()
    {
        var random = new Random(20240611);
        int failures = 0;
        for (int i = 0; i < 400; i++)
        {
            byte[] corrupted = Copy();
            for (int flips = random.Next(1, 5); flips > 0; flips--)
            {
                corrupted[random.Next(corrupted.Length)] = (byte)random.Next(256);
            }

            Exception? error = Record.Exception(() => Read(corrupted));
            Assert.True(error is null or CaptureFileException, $"iteration {i}: {error}");
            failures += error is null ? 0 : 1;
        }

        // Most flips land in parameter data, which the reader does not interpret; some must not.
        Assert.InRange(failures, 1, 399);
    }

    [Fact]
    public void Damaged_compressed_files_fail_as_malformed_captures()
    {
        byte[] compressed = File.ReadAllBytes(SharedData.TestIpv6Client);
        var random = new Random(7);
        for (int i = 0; i < 60; i++)
        {
            byte[] damaged = (byte[])compressed.Clone();
            damaged[random.Next(20, damaged.Length)] ^= (byte)random.Next(1, 256);
            Exception? error = Record.Exception(() => Read(damaged));
            Assert.True(error is null or CaptureFileException, $"iteration {i}: {error}");
        }

        // Cuts that lose capture bytes; a cut in the gzip trailer alone may go unnoticed.
        foreach (int cut in new[] { 2, 10, 100, compressed.Length / 3, compressed.Length / 2 })
        {
            Exception? error = Record.Exception(() => Read(compressed[..cut]));
            Assert.True(error is CaptureFileException, $"cut at {cut}: {error}");
        }
    }

    [Fact]
    public void A_failing_stream_is_reported_with_the_offset_reached()
    {
        byte[] bytes = Plain.Value;
        using var stream = new FailingStream(bytes, failAt: 40_000);

        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(stream));

        Assert.IsType<IOException>(error.InnerException);
        Assert.InRange(error.Offset, 1, 40_000);
        Assert.Contains("the disk went away", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_without_events_is_refused_as_libscap_refuses_it()
    {
        using var bytes = new MemoryStream();
        new CaptureFileWriter(bytes, leaveOpen: true).Dispose();

        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(bytes.ToArray()));

        Assert.Contains("no events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_blocks_among_the_events_are_refused()
    {
        byte[] bytes = Plain.Value;
        List<int> boundaries = BlockBoundaries(bytes);
        int machineInfo = boundaries[1];
        int machineInfoLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(machineInfo + 4));
        byte[] appended = [.. bytes, .. bytes.AsSpan(machineInfo, machineInfoLength)];

        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(appended));

        Assert.Equal(bytes.Length, error.Offset);
        Assert.Contains("unexpected block of type 0x201 among the events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_list_entry_longer_than_its_block_is_reported()
    {
        byte[] bytes = Copy();
        int processList = BlockBoundaries(bytes).First(b => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(b)) == 0x211);
        // Version 5 entries have no length of their own: make the first comm length run past the block.
        int comm = processList + 8 + (3 * 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(comm), 60000);

        CaptureFileException error = Assert.Throws<CaptureFileException>(() => Read(bytes));

        Assert.Contains("process list needs 60000 more bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(comm + 2, error.Offset);
    }

    private static int Read(byte[] bytes) => Read(new MemoryStream(bytes));

    private static int Read(Stream stream)
    {
        using CaptureFile capture = CaptureFile.Open(stream);
        return capture.ReadEvents(new CaptureReadOptions { IncludeSyscallEnterEvents = true }).Count();
    }

    private static byte[] Copy() => (byte[])Plain.Value.Clone();

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Where each block of a well-formed capture starts.</summary>
    private static List<int> BlockBoundaries(byte[] bytes)
    {
        var boundaries = new List<int>();
        for (int offset = 0; offset < bytes.Length; offset += BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4)))
        {
            boundaries.Add(offset);
        }

        return boundaries;
    }

    private static bool IsEventBlock(byte[] bytes, int block) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(block)) is 0x204 or 0x216;

    /// <summary>A stream whose reads fail once <paramref name="failAt"/> bytes were read.</summary>
    private sealed class FailingStream(byte[] bytes, int failAt) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer)
        {
            Check(buffer.Length);
            return base.Read(buffer);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Check(count);
            return base.Read(buffer, offset, count);
        }

        private void Check(int count)
        {
            if (Position + count > failAt)
            {
                throw new IOException("the disk went away");
            }
        }
    }
}
