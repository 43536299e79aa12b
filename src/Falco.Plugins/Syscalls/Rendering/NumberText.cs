using System;

namespace Falco.Plugins.Syscalls.Rendering;

/// <summary>
/// Integers in the print format of their parameter, as libsinsp prints them: decimal, upper-case
/// hexadecimal without a prefix (<c>803</c>), octal with a leading 0 (<c>0644</c>), or decimal
/// padded to 9 digits. Signed values in hexadecimal or octal show the bits of their own width.
/// </summary>
internal static class NumberText
{
    public static void AppendSigned(ref TextBuffer text, long value, int width, PrintFormat format)
    {
        switch (format)
        {
            case PrintFormat.Hexadecimal:
            case PrintFormat.Octal:
                AppendUnsigned(ref text, Bits(value, width), format);
                break;
            case PrintFormat.PaddedDecimal when value < 0:
                // %09d: the sign counts in the width of 9.
                text.Append('-');
                text.Append((ulong)(-(value + 1)) + 1, "D8");
                break;
            case PrintFormat.PaddedDecimal:
                text.Append(value, "D9");
                break;
            default:
                text.Append(value);
                break;
        }
    }

    public static void AppendUnsigned(ref TextBuffer text, ulong value, PrintFormat format)
    {
        switch (format)
        {
            case PrintFormat.Hexadecimal:
                text.Append(value, "X");
                break;
            case PrintFormat.Octal:
                AppendOctal(ref text, value);
                break;
            case PrintFormat.PaddedDecimal:
                text.Append(value, "D9");
                break;
            default:
                text.Append(value);
                break;
        }
    }

    /// <summary>%#o: octal digits after a 0, and a lone 0 for zero.</summary>
    private static void AppendOctal(ref TextBuffer text, ulong value)
    {
        // 22 octal digits for 64 bits, and the leading 0.
        Span<char> digits = stackalloc char[23];
        int start = digits.Length;
        do
        {
            digits[--start] = (char)('0' + (int)(value & 7));
            value >>= 3;
        }
        while (value != 0);

        if (digits[start] != '0')
        {
            digits[--start] = '0';
        }

        text.Append(digits.Slice(start));
    }

    private static ulong Bits(long value, int width) =>
        width >= sizeof(long) ? (ulong)value : (ulong)value & ((1UL << (8 * width)) - 1);
}
