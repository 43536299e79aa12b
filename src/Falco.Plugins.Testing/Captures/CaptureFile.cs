using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using Falco.Plugins.Abi;
using Falco.Plugins.Testing.Async;
using Falco.Plugins.Testing.Captures;
using Falco.Plugins.Testing.Captures.Conversion;

namespace Falco.Plugins.Testing;

/// <summary>
/// A libscap capture file (a <c>.scap</c> "savefile", plain or gzip-compressed), read as
/// libsinsp reads one. Opening reads everything before the first event: the machine, the
/// process list with each thread's file descriptors, the interface and user lists.
/// <see cref="ReadEvents"/> then streams the events, once, as <see cref="CapturedEvent"/>s of
/// the <c>syscall</c> source numbered from 1. A malformed or truncated file fails with a
/// <see cref="CaptureFileException"/> that says where; nothing is read out of bounds.
/// </summary>
public sealed class CaptureFile : IDisposable
{
    /// <summary>The event source of captured kernel events.</summary>
    public const string SyscallSource = "syscall";

    private readonly BlockReader _reader;
    private readonly CaptureMetadata _metadata;
    private byte[]? _firstEvent;
    private long _eventOffset;
    private bool _eventsTaken;
    private bool _disposed;

    private CaptureFile(BlockReader reader, CaptureMetadata metadata, byte[] firstEvent, long firstEventOffset, bool compressed)
    {
        _reader = reader;
        _metadata = metadata;
        _firstEvent = firstEvent;
        _eventOffset = firstEventOffset;
        IsCompressed = compressed;
    }

    /// <summary>The format version of the section header (libscap writes 1.2).</summary>
    public Version FormatVersion => _metadata.FormatVersion;

    /// <summary>Whether the file is gzip-compressed.</summary>
    public bool IsCompressed { get; }

    /// <summary>The machine the capture was recorded on, when the capture says.</summary>
    public CaptureMachineInfo? MachineInfo => _metadata.MachineInfo;

    /// <summary>The threads of the process lists, in file order, each with its file descriptors.</summary>
    public IReadOnlyList<CaptureThread> Threads => _metadata.Threads;

    /// <summary>The network interface addresses.</summary>
    public IReadOnlyList<CaptureInterface> Interfaces => _metadata.Interfaces;

    /// <summary>The users of the machine.</summary>
    public IReadOnlyList<CaptureUser> Users => _metadata.Users;

    /// <summary>The groups of the machine.</summary>
    public IReadOnlyList<CaptureGroup> Groups => _metadata.Groups;

    /// <summary>Opens the capture at <paramref name="path"/> and reads what precedes its events.</summary>
    /// <exception cref="CaptureFileException">The file is not a valid capture.</exception>
    /// <exception cref="IOException">The file cannot be opened (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    public static CaptureFile Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Open(File.OpenRead(path), leaveOpen: false);
    }

    /// <summary>Reads a capture from <paramref name="stream"/> (which need not seek), up to its events.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="leaveOpen">Whether disposing the capture leaves <paramref name="stream"/> open.</param>
    /// <exception cref="CaptureFileException">The bytes are not a valid capture.</exception>
    public static CaptureFile Open(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream? input = null;
        BlockReader? reader = null;
        try
        {
            input = CaptureInput.Open(stream, leaveOpen, out bool compressed);
            reader = new BlockReader(input);
            (CaptureMetadata metadata, CaptureBlock first) = MetadataReader.Read(reader);
            return new CaptureFile(reader, metadata, EventBlockReader.Read(first), first.Offset, compressed);
        }
        catch (Exception e)
        {
            long offset = reader?.Offset ?? 0;
            if (input is not null)
            {
                input.Dispose();
            }
            else if (!leaveOpen)
            {
                stream.Dispose();
            }

            if (e is InvalidDataException or IOException)
            {
                throw new CaptureFileException("the capture cannot be read: " + e.Message, offset, e);
            }

            throw;
        }
    }

    /// <summary>Reads all the events of the capture at <paramref name="path"/>.</summary>
    /// <exception cref="CaptureFileException">The file is not a valid capture.</exception>
    public static IReadOnlyList<CapturedEvent> ReadAllEvents(string path, CaptureReadOptions? options = null)
    {
        using CaptureFile capture = Open(path);
        return [.. capture.ReadEvents(options)];
    }

    /// <summary>
    /// The events, streamed from the file as the enumeration advances. By default these are
    /// the events libsinsp delivers, numbered from 1 as libsinsp numbers them: converted as
    /// libscap converts them (old versions become the latest version of their code, see
    /// <see cref="CaptureReadOptions.ConvertOldVersions"/>), syscall enter events left out.
    /// Each event is a copy in the current layout (26-byte header). Events with codes newer
    /// than libscap's event table are delivered as stored (libscap of that table skips them).
    /// Plugin and async
    /// events of a plugin get the source <see cref="CaptureReadOptions.PluginEventSources"/>
    /// gives their plugin id; every other event belongs to <see cref="SyscallSource"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The events were already read: open the file again.</exception>
    /// <exception cref="CaptureFileException">While enumerating: the rest of the file is malformed or truncated.</exception>
    public IEnumerable<CapturedEvent> ReadEvents(CaptureReadOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_eventsTaken)
        {
            throw new InvalidOperationException("the events of a capture file can be read once; open the file again to read them again");
        }

        _eventsTaken = true;
        return Events(options ?? CaptureReadOptions.Default);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _reader.Dispose();
        }
    }

    private IEnumerable<CapturedEvent> Events(CaptureReadOptions options)
    {
        ulong number = 0;
        EventConverter? converter = options.ConvertOldVersions ? new EventConverter() : null;
        byte[]? bytes = _firstEvent;
        _firstEvent = null;
        while (bytes is not null)
        {
            if (converter is not null && !converter.TryConvert(bytes, out bytes, out string? error))
            {
                throw new CaptureFileException("the event cannot be converted: " + error, _eventOffset);
            }

            ushort type = bytes is null ? (ushort)0 : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(RawEvent.TypeOffset));
            if (bytes is not null && (options.IncludeSyscallEnterEvents || !SyscallEnterEvents.Contains(type)))
            {
                yield return CapturedEvent.FromBytes(bytes, ++number, Source(bytes, type, options));
            }

            bytes = NextEvent();
        }
    }

    /// <summary>The next event of the file, or null at its end.</summary>
    private byte[]? NextEvent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_reader.TryRead(out CaptureBlock block))
        {
            return null;
        }

        _eventOffset = block.Offset;
        return BlockTypes.IsEvent(block.Type)
            ? EventBlockReader.Read(block)
            : throw new CaptureFileException(MetadataReader.UnexpectedAfterEvents(block.Type), block.Offset);
    }

    /// <summary>libsinsp's source of an event: its plugin's for plugin and async events of a plugin, syscall otherwise.</summary>
    private static string Source(byte[] bytes, ushort type, CaptureReadOptions options)
    {
        int idOffset = type switch
        {
            AbiConstants.PluginEventCode => AbiConstants.PluginEventPayloadOffset - sizeof(uint),
            AbiConstants.AsyncEventCode => AsyncEventLayout.PluginIdOffset,
            _ => -1,
        };

        uint pluginId = idOffset >= 0 && bytes.Length >= idOffset + sizeof(uint) ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(idOffset)) : 0;
        if (pluginId == 0)
        {
            return SyscallSource;
        }

        return options.PluginEventSources.TryGetValue(pluginId, out string? source) ? source : "";
    }
}
