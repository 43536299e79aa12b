using System.Collections.Generic;
using System.Globalization;

namespace Falco.Plugins.Testing.Captures;

/// <summary>
/// The user list blocks: users and groups mixed, each entry tagged with its kind. Version 2
/// entries start with their length; bytes past the known fields are skipped.
/// </summary>
internal static class UserListReader
{
    private const byte UserEntry = 0;

    public static (IReadOnlyList<CaptureUser> Users, IReadOnlyList<CaptureGroup> Groups) Read(CaptureBlock block)
    {
        bool sized = block.Type == BlockTypes.UserListV2;
        BlockCursor cursor = block.Cursor("user list");
        var users = new List<CaptureUser>();
        var groups = new List<CaptureGroup>();
        while (cursor.Remaining >= 4)
        {
            if (!sized)
            {
                ReadEntry(ref cursor, users, groups);
                continue;
            }

            uint length = cursor.U32();
            if (length < sizeof(uint) || length - sizeof(uint) > (uint)cursor.Remaining)
            {
                throw cursor.Error(string.Create(CultureInfo.InvariantCulture, $"entry length {length} does not fit the {cursor.Remaining + sizeof(uint)} bytes left"));
            }

            BlockCursor entry = cursor.Slice((int)length - sizeof(uint), "user list entry");
            ReadEntry(ref entry, users, groups);
        }

        return (users, groups);
    }

    private static void ReadEntry(ref BlockCursor cursor, List<CaptureUser> users, List<CaptureGroup> groups)
    {
        // libscap reads any kind other than a user as a group.
        if (cursor.U8() == UserEntry)
        {
            users.Add(new CaptureUser(cursor.U32(), cursor.U32(), cursor.String16(), cursor.String16(), cursor.String16()));
        }
        else
        {
            groups.Add(new CaptureGroup(cursor.U32(), cursor.String16()));
        }
    }
}
