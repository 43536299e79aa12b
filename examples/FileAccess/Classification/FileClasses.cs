using System;
using System.Text;

namespace Falco.Plugins.Examples.FileAccess.Classification;

/// <summary>
/// The classes paths fall into, numbered in the order they first appear in the config (the
/// default class included), with their UTF-8 names for allocation-free field values and lookups.
/// </summary>
internal sealed class FileClasses
{
    private readonly string[] _names;
    private readonly byte[][] _utf8Names;
    private readonly bool[] _sensitive;

    public FileClasses(string[] names, bool[] sensitive)
    {
        _names = names;
        _sensitive = sensitive;
        _utf8Names = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
    }

    /// <summary>How many classes there are.</summary>
    public int Count => _names.Length;

    /// <summary>The name of class <paramref name="index"/>.</summary>
    public string Name(int index) => _names[index];

    /// <summary>The UTF-8 name of class <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Utf8Name(int index) => _utf8Names[index];

    /// <summary>Whether accesses of class <paramref name="index"/> are sensitive.</summary>
    public bool IsSensitive(int index) => _sensitive[index];

    /// <summary>The index of the class named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < _utf8Names.Length; i++)
        {
            if (name.SequenceEqual(_utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The class names joined by ", ", for error messages.</summary>
    public string Describe() => string.Join(", ", _names);
}
