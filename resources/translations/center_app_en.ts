<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="86"/>
        <source>关于儿童之家管理系统</source>
        <translation>About Children&apos;s Centre Manager</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="96"/>
        <source>儿童之家管理系统</source>
        <translation>Children&apos;s Centre Manager</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="103"/>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="109"/>
        <source>给乡村儿童之家和留守儿童关爱活动中心用的桌面程序：图书、器材、儿童档案与考勤、志愿者与课表、报表。</source>
        <translation>A desktop app for rural children&apos;s centres and care centres for left-behind children: books, equipment, children&apos;s files and attendance, volunteers and timetables, reports.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="115"/>
        <source>本软件按 Apache 许可证 2.0 版（%1）发布，可以自由使用、复制和修改。</source>
        <translation>This software is released under the Apache License, Version 2.0 (%1): you may use, copy and modify it freely.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="130"/>
        <source>安装文件夹中缺少许可证文件（LICENSE）。</source>
        <translation>The licence file (LICENSE) is missing from the installation folder.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="132"/>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="138"/>
        <source>安装文件夹中缺少字体的许可证文件。</source>
        <translation>The fonts&apos; licence files are missing from the installation folder.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="140"/>
        <source>字体许可</source>
        <translation>Font licences</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="142"/>
        <source>使用的组件</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/about.py" line="147"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AbsentPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="71"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="71"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="71"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="71"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="110"/>
        <source>未登记</source>
        <translation>Not on file</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="116"/>
        <source>可以马上打电话给监护人。没有电话的，请在儿童档案里补上。</source>
        <translation>You can call the guardians now. Where a phone number is missing, add it to the child&apos;s file.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="118"/>
        <source>你的账号不能查看监护人的电话，请告诉社工。</source>
        <translation>Your account cannot see guardians&apos; phone numbers; please tell a social worker.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="132"/>
        <source>展开</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_absent.py" line="137"/>
        <source>收起</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="58"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="59"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="60"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="61"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="62"/>
        <source>上次登录</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="75"/>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="78"/>
        <source>启用（已锁定至 %1）</source>
        <translation>Active (locked until %1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="80"/>
        <source>启用（待改密码）</source>
        <translation>Active (must change password)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="81"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="99"/>
        <source>从未登录</source>
        <translation>Never</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="119"/>
        <source>用户账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="137"/>
        <source>添加用户(&amp;A)</source>
        <translation>&amp;Add user</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="138"/>
        <source>修改(&amp;M)…</source>
        <translation>&amp;Modify…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="140"/>
        <source>停用(&amp;D)</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="143"/>
        <source>启用(&amp;E)</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="146"/>
        <source>重置密码(&amp;R)…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="163"/>
        <source>无人操作多久后自动锁屏：</source>
        <translation>Lock the screen after this long without use:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="167"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="209"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="168"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="210"/>
        <source>不自动锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="171"/>
        <source>保存锁屏时间</source>
        <translation>Save lock time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="196"/>
        <source>借还台模式</source>
        <translation>Desk mode</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="200"/>
        <source>用于放在借还台、接扫码枪的电脑：锁屏时间更长；锁屏时扫的借书证或图书会记下，有权办理借还的人登录后自动办理（5 分钟内）。</source>
        <translation>For the PC at the circulation desk with a barcode scanner: the screen locks later, and a library card or book scanned while it is locked is noted and processed when someone who may lend and return books signs in (within 5 minutes).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="205"/>
        <source>借还台模式下无人操作多久后锁屏：</source>
        <translation>In desk mode, lock the screen after this long without use:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="217"/>
        <source>保存借还台模式</source>
        <translation>Save desk mode</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="224"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="232"/>
        <source>登录时输入，例如 chenxia</source>
        <translation>Typed at sign-in, e.g. chenxia</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="246"/>
        <source>至少6个字符；对方第一次登录时要改成自己的密码</source>
        <translation>At least 6 characters; they must change it at their first sign-in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="247"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="293"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="248"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="294"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="249"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="295"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="250"/>
        <source>初始密码：</source>
        <translation>First password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="252"/>
        <source>创建账号(&amp;S)</source>
        <translation>Create account (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="253"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="301"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="268"/>
        <source>修改账号</source>
        <translation>Edit account</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="288"/>
        <source>志愿者教师只能点名和记录自己带的课次；没有关联志愿者记录的教师账号看不到任何课次。</source>
        <translation>Volunteer teachers can take the roll and keep records only for the sessions they lead; a teacher account not linked to a volunteer record sees no sessions.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="296"/>
        <source>志愿者记录：</source>
        <translation>Volunteer record:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="300"/>
        <source>保存修改(&amp;S)</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="318"/>
        <source>（不关联）</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="324"/>
        <source>（已停止服务）</source>
        <translation> (no longer serving)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="327"/>
        <source>（已关联账号 %1）</source>
        <translation> (linked to account %1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="466"/>
        <source>已保存账号 %1 的修改。</source>
        <translation>Changes to account %1 saved.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="483"/>
        <source>已创建账号 %1。请把初始密码告诉对方，对方第一次登录时要改成自己的密码。</source>
        <translation>Account %1 created. Tell them the first password; they must change it at their first sign-in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="559"/>
        <source>已保存：借还台模式已关闭，按上面的时间自动锁屏。</source>
        <translation>Saved: desk mode is off; the screen locks after the time above.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="561"/>
        <source>已保存：借还台模式已开启，不自动锁屏；锁屏时扫的码登录后自动办理。</source>
        <translation>Saved: desk mode is on and the screen never locks by itself; a code scanned while locked is processed after sign-in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="564"/>
        <source>已保存：借还台模式已开启，%1 分钟无人操作后锁屏；锁屏时扫的码登录后自动办理。</source>
        <translation>Saved: desk mode is on; the screen locks after %1 minutes without use, and a code scanned while locked is processed after sign-in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="423"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="493"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="509"/>
        <source>请先在表格中选中一个账号。</source>
        <translation>First select an account in the table.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="502"/>
        <source>已启用账号 %1。</source>
        <translation>Account %1 enabled.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="502"/>
        <source>已停用账号 %1。</source>
        <translation>Account %1 disabled.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="525"/>
        <source>已重置 %1 的密码（账号同时解锁）。对方下次登录时要改成自己的密码。</source>
        <translation>Password of %1 reset (and the account unlocked). They must change it at their next sign-in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="543"/>
        <source>已保存：不自动锁屏。</source>
        <translation>Saved: the screen never locks by itself.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="545"/>
        <source>已保存：%1 分钟无人操作后自动锁屏。</source>
        <translation>Saved: the screen locks after %1 minutes without use.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/role_labels.py" line="14"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/role_labels.py" line="15"/>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/role_labels.py" line="16"/>
        <source>图书管理员</source>
        <translation>Librarian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/role_labels.py" line="17"/>
        <source>志愿者教师</source>
        <translation>Volunteer teacher</translation>
    </message>
</context>
<context>
    <name>ActivitiesTab</name>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="405"/>
        <source>记录活动…</source>
        <extracomment>this tab takes no scans</extracomment>
        <translation>Record activity…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="410"/>
        <source>这个账号还没有关联志愿者信息，请联系管理员在“用户账号”里关联。</source>
        <translation>This account is not linked to a volunteer record yet. Ask the administrator to link it under “User accounts”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="413"/>
        <source>找活动：名称、拼音首字母（如 hbgd = 绘本共读）、内容、志愿者…</source>
        <translation>Find activities: title, pinyin initials (e.g. hbgd = 绘本共读), content, volunteer…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="418"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="425"/>
        <source>最近一个月</source>
        <translation>Last month (31 days)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="425"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="425"/>
        <source>上个月</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="425"/>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="425"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="431"/>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="513"/>
        <source>全部志愿者</source>
        <translation>All volunteers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="548"/>
        <source>共 %1 次活动，%2 次未点名</source>
        <translation>%1 activities, %2 without a roll call</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="646"/>
        <source>已保存：%1 %2</source>
        <translation>Saved: %1 %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="657"/>
        <source>删除活动“%1”（%2）？</source>
        <translation>Delete the activity “%1” (%2)?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="662"/>
        <source>它的 %1 张照片也会删除。</source>
        <translation>Its %1 photos will be deleted too.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="665"/>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="730"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="666"/>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="731"/>
        <source>不删除</source>
        <translation>Don&apos;t delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="679"/>
        <source>已删除这次活动。</source>
        <translation>The activity was deleted.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="687"/>
        <source>选一张活动照片</source>
        <translation>Choose an activity photo</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="689"/>
        <source>照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="710"/>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="726"/>
        <source>先在上面选一张照片。</source>
        <translation>Choose a photo above first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="721"/>
        <source>照片已保存。</source>
        <translation>Photo saved.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="729"/>
        <source>删除这张照片%1？</source>
        <translation>Delete this photo %1?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="760"/>
        <source>正在生成活动报告…</source>
        <translation>Creating the activity report…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="780"/>
        <source>已生成 %1（%2 页）。</source>
        <translation>Created %1 (%2 pages).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="783"/>
        <source>有 %1 张照片没有印上（未核对儿童，或有儿童未同意拍照）。</source>
        <translation>%1 photos were not printed (children not checked, or a child without photo consent).</translation>
    </message>
</context>
<context>
    <name>ActivityDetailPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="189"/>
        <source>添加照片…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="191"/>
        <source>核对儿童…</source>
        <translation>Check children…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="193"/>
        <source>照片里有哪些儿童（双击照片也可以）</source>
        <translation>Which children are in the photo (or double-click the photo)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="194"/>
        <source>删除照片…</source>
        <translation>Delete photo…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="212"/>
        <source>打印活动报告</source>
        <translation>Print activity report</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="215"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="218"/>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="236"/>
        <source>在左边选一次活动，在这里看它的出勤、器材和照片，打印活动报告。上完一节课，按“记录活动…”（Ctrl+N）记下来：选课表上的课会自动填好。</source>
        <translation>Choose an activity on the left to see its attendance, equipment and photos here and print its report. After a session, record it with “Record activity…” (Ctrl+N): choosing a timetable session fills in the form.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="276"/>
        <source>（协助）</source>
        <translation> (assisting)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="281"/>
        <source>按课表上的课记录</source>
        <translation>Recorded from the timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="292"/>
        <source>活动内容</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="293"/>
        <source>活动反思</source>
        <translation>Reflection</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="312"/>
        <source>%1 %2 人</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="335"/>
        <source>照片：还没有</source>
        <translation>Photos: none yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="338"/>
        <source>照片 %1 张，其中 %2 张不会印在报告里（标 ⚠ 的：双击核对照片里的儿童）</source>
        <translation>%1 photos, %2 of them will not be printed (marked ⚠: double-click to check the children in it)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="343"/>
        <source>照片 %1 张，都可以印在报告里</source>
        <translation>%1 photos, all can be printed in the report</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="352"/>
        <source>还没核对照片里有哪些儿童，不打印</source>
        <translation>Children in the photo not checked yet; not printed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="354"/>
        <source>照片里有未获拍照同意的儿童，不打印</source>
        <translation>A child in the photo has no photo consent; not printed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="355"/>
        <source>照片文件找不到了</source>
        <translation>Photo file is missing</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="86"/>
        <location filename="../../center_app/ui/pages/activities_form.py" line="247"/>
        <source>记录活动</source>
        <extracomment>what a change of an activity may change elsewhere: the roll call&apos;s list of sessions, linked service hours</extracomment>
        <translation>Record activity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="88"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="106"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="109"/>
        <source>选一节课表上的课：名称、时间、地点和志愿者会自动填好</source>
        <translation>Choose a timetable session: title, time, place and volunteers are filled in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="111"/>
        <source>课表上的课：</source>
        <translation>Timetable session:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="113"/>
        <source>如 绘本共读、彩泥手工、防溺水安全教育</source>
        <translation>e.g. picture-book reading, clay modelling, water safety</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="115"/>
        <source>活动名称：</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="120"/>
        <source>类型：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="124"/>
        <source>如 15:30</source>
        <translation>e.g. 15:30</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="125"/>
        <source>如 16:30</source>
        <translation>e.g. 16:30</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="129"/>
        <source>时间：</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="132"/>
        <source>地点：</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="136"/>
        <source>负责志愿者：</source>
        <translation>Lead volunteer:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="140"/>
        <source>勾选一起带这次活动的志愿者</source>
        <translation>Tick the volunteers who helped lead this activity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="141"/>
        <source>协助志愿者：</source>
        <translation>Assisting volunteers:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="143"/>
        <source>做了什么：主题、过程、孩子们的作品……</source>
        <translation>What was done: theme, steps, the children&apos;s work…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="144"/>
        <source>活动内容：</source>
        <translation>What was done:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="146"/>
        <source>教学反思：效果怎样，下次怎么改进</source>
        <translation>Reflection: how it went, what to improve next time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="147"/>
        <source>活动反思：</source>
        <translation>Reflection:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="157"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="162"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="192"/>
        <source>（不填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="204"/>
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="259"/>
        <source>修改活动</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="315"/>
        <source>（不是课表上的课）</source>
        <translation>(not a timetable session)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="323"/>
        <source>（已记录）</source>
        <translation> (recorded)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="332"/>
        <source>这一天课表上有 %1 节课，选一节自动填好</source>
        <translation>The timetable has %1 sessions this day; choose one to fill in the form</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_form.py" line="363"/>
        <source>已按课表填好：%1 %2</source>
        <translation>Filled in from the timetable: %1 %2</translation>
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="391"/>
        <source>活动名称、首字母、志愿者…</source>
        <translation>Activity title, initials, volunteer…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="396"/>
        <source>找活动：</source>
        <translation>Find activity:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="399"/>
        <source>近一年的活动，最新的在上面</source>
        <translation>Activities of the last year, newest first</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="448"/>
        <source>请在列表里选一次活动。</source>
        <translation>Choose an activity in the list.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="452"/>
        <source>单次活动报告：%1</source>
        <translation>Activity report: %1</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="93"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="94"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="95"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="96"/>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="97"/>
        <source>志愿者</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="98"/>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="99"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_tab.py" line="135"/>
        <source>未点名</source>
        <translation>No roll call</translation>
    </message>
</context>
<context>
    <name>AssetLabelsPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="638"/>
        <source>打印器材标签</source>
        <translation>Print equipment labels</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="639"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="651"/>
        <source>打印哪些：</source>
        <translation>Print:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="664"/>
        <source>标签纸：</source>
        <translation>Label sheet:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="668"/>
        <source>起始格：</source>
        <translation>Start at:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="669"/>
        <source>白纸试印（画出格线）</source>
        <translation>Trial print on plain paper (with outlines)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="672"/>
        <source>先用白纸试印，叠在标签纸上对着光看是否对齐；试印不计入标签纸的用量。</source>
        <translation>Print on plain paper first and hold it against a label sheet in the light to check the alignment; a trial print does not use up labels.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="677"/>
        <source>和书标用同一种标签纸，接着上次用到的格。右图：灰色是用过的格，蓝色是这次要打印的；点一格就从那里开始。</source>
        <translation>Uses the same label sheets as spine labels, from where they left off. Right: grey squares are used, blue ones will be printed now; click a square to start there.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="697"/>
        <source>生成 PDF 并打开(&amp;P)</source>
        <translation>Make PDF and open (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="796"/>
        <source>%1（%2 张）</source>
        <translation>%1 (%2 labels)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="801"/>
        <source>选中的“%1”（%2 张）</source>
        <translation>Selected “%1” (%2 labels)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="803"/>
        <source>选中的 %1 种器材（%2 张）</source>
        <translation>%1 selected items (%2 labels)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="809"/>
        <source>列表中的全部 %1 种（%2 张）</source>
        <translation>All %1 items in the list (%2 labels)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="825"/>
        <source>%1种器材</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="839"/>
        <source>还没有选择要打印的器材：在左边的列表中选中（按住 Ctrl 可多选）。</source>
        <translation>No equipment chosen yet: select it in the list on the left (hold Ctrl to select several).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="842"/>
        <source>共 %1 张标签，用 %2 张标签纸。</source>
        <translation>%1 labels on %2 sheets.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="897"/>
        <source>已生成 %1：%2 张标签，%3 页。</source>
        <translation>Made %1: %2 labels, %3 pages.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="903"/>
        <source>这是试印（画了格线），标签纸的用量不变。</source>
        <translation>This is a trial print (with outlines); the label sheet&apos;s usage is unchanged.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="907"/>
        <source>放好标签纸后从 PDF 阅读器打印（“实际大小”，不要“适合页面”）。</source>
        <translation>Load the label sheet and print from the PDF reader (“Actual size”, not “Fit to page”).</translation>
    </message>
</context>
<context>
    <name>AttendanceCodesTab</name>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="58"/>
        <source>考勤代码</source>
        <translation>Attendance codes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="61"/>
        <source>点名时按快捷键标记。算作出勤和缺勤的代码决定出勤率，不计的（如请假）不算在出勤率里。“全部出勤”填入默认代码；签到晚于规定时间的孩子记为迟到代码。修改后立即保存，以前的考勤统计也按新的设置计算。</source>
        <translation>In the roll call, press a code&apos;s key to mark it. Codes counted as present or absent make up the attendance rate; codes not counted (such as leave) are left out of it. “Mark all present” fills in the default code; a child who checks in after the set time gets the late code. Changes are saved at once, and past attendance figures follow the new settings too.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="73"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="74"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="75"/>
        <source>快捷键</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="76"/>
        <source>算作</source>
        <translation>Counts as</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="77"/>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="78"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="101"/>
        <source>添加代码(&amp;A)</source>
        <translation>&amp;Add code</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="102"/>
        <source>修改(&amp;M)…</source>
        <translation>&amp;Modify…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="103"/>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="120"/>
        <source>只有管理员可以修改考勤代码。</source>
        <translation>Only an administrator can change the attendance codes.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="141"/>
        <source>1–10 个英文字母或数字，例如 S</source>
        <translation>1–10 letters or digits, e.g. S</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="145"/>
        <source>点名和打印时显示，例如 病假</source>
        <translation>Shown in the roll call and on prints, e.g. Sick leave</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="152"/>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="153"/>
        <source>缺勤</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="154"/>
        <source>不计（如请假）</source>
        <translation>Not counted (e.g. leave)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="155"/>
        <source>默认代码（“全部出勤”时填入）</source>
        <translation>Default code (filled in by “Mark all present”)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="157"/>
        <source>迟到代码（签到晚于规定时间时使用）</source>
        <translation>Late code (for a check-in after the set time)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="159"/>
        <source>代码：</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="160"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="161"/>
        <source>快捷键：</source>
        <translation>Key:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="162"/>
        <source>算作：</source>
        <translation>Counts as:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="166"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="167"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="243"/>
        <source>添加考勤代码</source>
        <translation>Add attendance code</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="258"/>
        <source>请先在表格中选中一个代码。</source>
        <translation>Please select a code in the table first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="261"/>
        <source>修改考勤代码 %1</source>
        <translation>Edit attendance code %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="319"/>
        <source>已添加考勤代码 %1。</source>
        <translation>Attendance code %1 added.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="319"/>
        <source>已保存考勤代码 %1。</source>
        <translation>Attendance code %1 saved.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="332"/>
        <source>“%1”是默认代码，不能删除。请先把另一个算作出勤的代码设为默认代码。</source>
        <translation>“%1” is the default code and cannot be deleted. First make another code that counts as present the default.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="343"/>
        <source>已删除考勤代码 %1。</source>
        <translation>Attendance code %1 deleted.</translation>
    </message>
</context>
<context>
    <name>AttendanceCorner</name>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="95"/>
        <source>近30个开放日到场人数</source>
        <translation>Children present, last 30 open days</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="97"/>
        <source>还没有考勤记录</source>
        <translation>No attendance yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="121"/>
        <source>记录回访…</source>
        <translation>Record a follow-up…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="152"/>
        <source>今天还没有点名。请到“考勤”页（Ctrl+5）点名。</source>
        <translation>The roll has not been taken today. Take it on the Attendance page (Ctrl+5).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="156"/>
        <source>最近两周有 %1 个开放日没有点名：%2</source>
        <translation>%1 open days in the last two weeks have no roll call: %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="161"/>
        <source>最近两周每个开放日都点过名。</source>
        <translation>The roll was taken on every open day of the last two weeks.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="165"/>
        <source>预警：%1 名儿童需要回访</source>
        <translation>Warnings: %1 children need a follow-up</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="167"/>
        <source>预警：目前没有需要回访的儿童</source>
        <translation>Warnings: no child needs a follow-up now</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <location filename="../../center_app/ui/pages/attendance.py" line="36"/>
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance.py" line="36"/>
        <source>Ctrl+Tab 切换页签</source>
        <translation>Ctrl+Tab switches tabs</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance.py" line="43"/>
        <source>点名</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance.py" line="44"/>
        <source>签到签退</source>
        <translation>Check-in/out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance.py" line="45"/>
        <source>月度考勤表</source>
        <translation>Monthly register</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="67"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="68"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="69"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="70"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="71"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="72"/>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="73"/>
        <source>变更</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="80"/>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="80"/>
        <source>否</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="135"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="146"/>
        <source>从(&amp;F)：</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="147"/>
        <source>到：</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="148"/>
        <source>用户：</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="149"/>
        <source>操作：</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="150"/>
        <source>对象：</source>
        <translation>Record:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="160"/>
        <source>搜索(&amp;S)：</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="163"/>
        <source>在摘要和变更内容中查找，例如儿童姓名、书名</source>
        <translation>Find in summaries and changes, e.g. a child&apos;s name or a book title</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="166"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="192"/>
        <source>上一页(&amp;P)</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="195"/>
        <source>下一页(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="237"/>
        <source>yyyy年M月d日</source>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="241"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="252"/>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="266"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="360"/>
        <source>没有符合条件的记录。</source>
        <translation>No entries match.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="362"/>
        <source>共 %1 条记录。</source>
        <translation>%1 entries.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/audit_tab.py" line="365"/>
        <source>共 %1 条记录，显示第 %2–%3 条。</source>
        <translation>%1 entries; showing %2–%3.</translation>
    </message>
</context>
<context>
    <name>BackupStep</name>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="252"/>
        <source>选择备份文件夹（如 U 盘）</source>
        <extracomment>seam the tests replace: the native folder dialog is modal</extracomment>
        <translation>Choose the backup folder (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="279"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="284"/>
        <source>程序会自动备份数据。再选一个备份文件夹，最好在 U 盘或另一个磁盘上：每次自动备份都会再复制一份到那里，电脑坏了数据也还在。不选也可以，备份就只在这台电脑上。</source>
        <translation>The program backs up the data by itself. Also choose a backup folder, best on a USB stick or another disk: every automatic backup is copied there too, so the data survives if this PC breaks. You may leave it empty; backups then stay on this PC only.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="288"/>
        <source>备份文件夹(&amp;B)：</source>
        <translation>&amp;Backup folder:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="289"/>
        <source>例如 U 盘上的一个文件夹（可以不选）</source>
        <translation>e.g. a folder on a USB stick (optional)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="290"/>
        <source>选择文件夹(&amp;F)…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="313"/>
        <source>今天</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="319"/>
        <source>第一次备份到这个文件夹：%1关闭程序时。那时请插好 U 盘；没插时只备份在这台电脑上，下次再复制。</source>
        <translation>First backup to this folder: %1, when the program is closed. Have the USB stick plugged in then; if it is not, the backup stays on this PC and is copied next time.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="322"/>
        <source>第一次自动备份：%1关闭程序时，备份在这台电脑的数据文件夹里。</source>
        <translation>First automatic backup: %1, when the program is closed, into the data folder on this PC.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="325"/>
        <source>以后每次关闭程序时都会备份；超过一天没有备份时，打开程序后也会马上备份一次。保留最近 %1 天、%2 周和 %3 个月的备份。</source>
        <translation>After that, a backup every time the program is closed, and right after it opens when there has been none for more than a day. Backups of the last %1 days, %2 weeks and %3 months are kept.</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="59"/>
        <source>选择备份到的文件夹（如 U 盘）</source>
        <extracomment>emitted after a restore replaced the data: the window signs out and reloads everything a restore started (why the window waits, for its status bar) or ended (&quot;&quot;): see MainWindow.set_busy</extracomment>
        <translation>Choose the folder to back up to (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="62"/>
        <source>选择要恢复的备份文件</source>
        <translation>Choose the backup file to restore</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="62"/>
        <source>备份文件 (*.db)</source>
        <translation>Backup files (*.db)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="66"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="69"/>
        <source>程序每天第一次打开时和每次关闭时都会自动备份。重要操作前，或者每周一次，请再备份到 U 盘，放在别处保管。U 盘里的备份包含儿童的个人信息，请妥善保管。</source>
        <translation>The program backs up automatically when it is first opened each day and every time it is closed. Before important work, or once a week, also back up to a USB stick and keep it somewhere else. A backup on a USB stick contains children&apos;s personal data: keep it safe.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="77"/>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="80"/>
        <source>备份到 U 盘或其他文件夹…</source>
        <translation>Back up to a USB stick or another folder…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="83"/>
        <source>从备份恢复…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="96"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="117"/>
        <source>确认恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="120"/>
        <source>不恢复</source>
        <translation>Don&apos;t restore</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="132"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="132"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="132"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="132"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="147"/>
        <source>自动备份</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="148"/>
        <source>手动备份</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="149"/>
        <source>升级前备份</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="150"/>
        <source>恢复前备份</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="218"/>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="235"/>
        <source>已备份到：%1</source>
        <translation>Backed up to: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="258"/>
        <source>用这个备份替换当前的全部数据？
备份时间：%1&#x3000;中心：%2
%3
当前数据会先另存一份。</source>
        <translation>Replace all current data with this backup?
Backup time: %1   Centre: %2
%3
The current data will be saved aside first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="277"/>
        <source>还有导入、导出或其他工作没有完成，请等它完成后再恢复。</source>
        <translation>An import, export or other work is still running. Please wait for it to finish before restoring.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="281"/>
        <source>正在从备份恢复数据</source>
        <translation>Restoring the data from a backup</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="292"/>
        <source>已恢复 %1 的备份。</source>
        <translation>Restored the backup of %1.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/backup_tab.py" line="294"/>
        <source>恢复前的数据另存为：%1</source>
        <translation>The data as it was before is saved as: %1</translation>
    </message>
</context>
<context>
    <name>CardsChooser</name>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print_cards.py" line="36"/>
        <source>班级：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print_cards.py" line="41"/>
        <source>全选</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print_cards.py" line="44"/>
        <source>全不选</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print_cards.py" line="67"/>
        <source>未分班</source>
        <translation>No class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print_cards.py" line="68"/>
        <source>%1（%2 人）</source>
        <translation>%1 (%2 children)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print_cards.py" line="70"/>
        <source>，%1 人还没有借书证号</source>
        <translation>, %1 without a card number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print_cards.py" line="98"/>
        <source>（打印时分配证号）</source>
        <translation>(number given when printed)</translation>
    </message>
</context>
<context>
    <name>CatalogExport</name>
    <message>
        <location filename="../../center_app/ui/pages/catalog_export.py" line="43"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_export.py" line="102"/>
        <source>已导出 %1 册到 %2</source>
        <translation>Exported %1 copies to %2</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="66"/>
        <source>导出馆藏图书</source>
        <translation>Export the book collection</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="68"/>
        <source>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="57"/>
        <source>图书</source>
        <translation>Books</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="104"/>
        <source>新书登记</source>
        <translation>New book</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="106"/>
        <source>导入清单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="108"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="110"/>
        <source>打印书标/借书证…</source>
        <translation>Print labels/cards…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="72"/>
        <source>书名、作者、拼音首字母（如 xyj）、ISBN、条码…</source>
        <translation>Title, author, pinyin initials (e.g. xyj), ISBN, barcode…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="170"/>
        <source>正在载入图书目录…</source>
        <translation>Loading the catalogue…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="216"/>
        <source>共 %1 种 / %2 册</source>
        <translation>%1 titles / %2 copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="332"/>
        <source>新登记的书</source>
        <translation>Newly catalogued books</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog.py" line="362"/>
        <location filename="../../center_app/ui/pages/catalog.py" line="365"/>
        <source>导入的“%1”</source>
        <translation>imported from “%1”</translation>
    </message>
</context>
<context>
    <name>CentreStep</name>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="61"/>
        <source>中心信息</source>
        <extracomment>each language named in itself: the same words whatever the language shown now (not translated)</extracomment>
        <translation>The centre</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="65"/>
        <source>第一次使用，先填中心的名称和地址：打印出来的借书证、催还单和报表，每一页都以它们开头。</source>
        <translation>First use: enter the centre&apos;s name and address. Every printed page (library cards, overdue slips, reports) starts with them.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="67"/>
        <source>中心名称(&amp;N)：</source>
        <translation>Centre &amp;name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="69"/>
        <source>地址(&amp;D)：</source>
        <translation>A&amp;ddress:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="71"/>
        <source>例如：古楼村留守儿童关爱活动中心</source>
        <translation>e.g. Gulou Village Children&apos;s Centre</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="72"/>
        <source>例如：广西贺州市钟山县古楼村小学内（可以不填）</source>
        <translation>e.g. in Gulou Village Primary School, Zhongshan County, Hezhou, Guangxi (optional)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../center_app/ui/login.py" line="272"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="278"/>
        <source>这是管理员为你设置的临时密码。请设置一个只有你自己知道的新密码。</source>
        <translation>Your password was set by the administrator. Choose a new one that only you know.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="287"/>
        <source>至少6个字符</source>
        <translation>At least 6 characters</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="289"/>
        <source>原密码（临时密码）：</source>
        <translation>Current (temporary) password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="289"/>
        <source>原密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="290"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="291"/>
        <source>再次输入新密码：</source>
        <translation>New password again:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="301"/>
        <source>确定(&amp;O)</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="305"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="305"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="323"/>
        <source>两次输入的新密码不一致，请重新输入。</source>
        <translation>The two new passwords do not match. Please type them again.</translation>
    </message>
</context>
<context>
    <name>CheckInOutPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="73"/>
        <source>扫借书证签到，或输入儿童姓名 / 拼音首字母后按回车</source>
        <translation>Scan a library card to check in, or type a child&apos;s name / pinyin initials and press Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="105"/>
        <source>签退 (F9)</source>
        <translation>Check out (F9)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="112"/>
        <source>↑↓ 选择儿童&#x3000;F9 签退&#x3000;Esc 取消</source>
        <translation>↑↓ choose a child&#x3000;F9 check out&#x3000;Esc cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="141"/>
        <source>当前账号不能办理签到签退。</source>
        <translation>This account cannot check children in or out.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="143"/>
        <source>请扫借书证签到。孩子回家时，在左边选中他，按 F9 签退。</source>
        <translation>Scan a library card to check in. When a child goes home, select them on the left and press F9.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="163"/>
        <source>接送人姓名；空着表示自行回家</source>
        <translation>Who picks the child up; empty = went home alone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="168"/>
        <source>确定签退 (Enter)</source>
        <translation>Check out (Enter)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="171"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="243"/>
        <source>没有找到姓名或拼音首字母是“%1”的儿童。请检查后重输，或扫借书证。</source>
        <translation>No child&apos;s name or pinyin initials match &quot;%1&quot;. Check and type again, or scan the library card.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="239"/>
        <source>找到 %1 名儿童：按 ↑↓ 选择，回车签到，Esc 取消。</source>
        <translation>%1 children found: choose with ↑↓, Enter checks in, Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="282"/>
        <source>请先在左边的名单中选中要签退的儿童（↑↓ 选择），再按 F9。</source>
        <translation>First select the child to check out in the list on the left (↑↓), then press F9.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="296"/>
        <source>%1 由谁接走？</source>
        <translation>Who is picking up %1?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="300"/>
        <source>选择或输入接送人，按回车签退；没有人接就清空后按回车。</source>
        <translation>Choose or type who picks the child up and press Enter; if nobody does, clear the name and press Enter.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="305"/>
        <source>已取消签退。</source>
        <translation>Check-out cancelled.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="371"/>
        <source>（迟到）</source>
        <translation> (late)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="381"/>
        <source>自行回家</source>
        <translation>went home alone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="386"/>
        <source>&#x3000;（未授权，请核实）</source>
        <translation>&#x3000;(not authorised, please check)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="388"/>
        <source>在中心：%1 人（已签到、未签退）</source>
        <translation>At the centre: %1 (checked in, not out)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/check_in.py" line="389"/>
        <source>今天已签退：%1 人</source>
        <translation>Checked out today: %1</translation>
    </message>
</context>
<context>
    <name>ChildDetailPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="83"/>
        <source>修改档案  Enter</source>
        <translation>Edit profile  Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="85"/>
        <source>记录回访</source>
        <translation>Record a follow-up</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="87"/>
        <location filename="../../center_app/ui/pages/child_detail.py" line="206"/>
        <source>发借书证</source>
        <translation>Issue a card</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="88"/>
        <location filename="../../center_app/ui/pages/child_detail.py" line="207"/>
        <source>离开…</source>
        <translation>Leaves…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="95"/>
        <source>（无权查看其他信息）</source>
        <translation>(You may not see the rest of this profile.)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="148"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="154"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="155"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="183"/>
        <source>在左边的名单中选择一名儿童，查看档案。

输入姓名或拼音首字母（如 wzh）查找。</source>
        <translation>Choose a child in the list on the left to see the profile.

Type a name or pinyin initials (e.g. wzh) to find one.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="184"/>
        <source>
登记新的儿童请按 Ctrl+N。</source>
        <translation>
Press Ctrl+N to register a new child.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="190"/>
        <source>重点关注</source>
        <translation>Special attention</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="193"/>
        <source>已离开</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="196"/>
        <source>未分班</source>
        <translation>No class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="200"/>
        <location filename="../../center_app/ui/pages/child_detail.py" line="280"/>
        <source>%1 岁</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="202"/>
        <source>借书证 %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="202"/>
        <source>没有借书证</source>
        <translation>No library card</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="206"/>
        <source>补办借书证…</source>
        <translation>Replace the card…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="207"/>
        <source>恢复在册…</source>
        <translation>Back on the roster…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="249"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="250"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="251"/>
        <source>村/组</source>
        <translation>Village/group</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="252"/>
        <source>家庭住址</source>
        <translation>Home address</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="253"/>
        <source>留守类型</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="254"/>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="255"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="256"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="258"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="264"/>
        <source>%1务工</source>
        <translation>Works in %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="270"/>
        <source>父亲</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="271"/>
        <source>母亲</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="275"/>
        <source>主要监护人</source>
        <translation>Main guardian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="281"/>
        <source>身体：%1</source>
        <translation>Health: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="282"/>
        <source>文化程度：%1</source>
        <translation>Education: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="284"/>
        <location filename="../../center_app/ui/pages/child_detail.py" line="286"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="286"/>
        <source>未登记</source>
        <translation>None entered</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="287"/>
        <source>家庭与监护人</source>
        <translation>Family and guardians</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="292"/>
        <location filename="../../center_app/ui/pages/child_detail.py" line="298"/>
        <location filename="../../center_app/ui/pages/child_detail.py" line="299"/>
        <source>接送人</source>
        <translation>Pick-up people</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="298"/>
        <source>未登记（签退时不核对接送人）</source>
        <translation>None entered (check-out does not check who collects)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="303"/>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="303"/>
        <location filename="../../center_app/ui/pages/child_detail.py" line="304"/>
        <source>无记录</source>
        <translation>Nothing recorded</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="304"/>
        <source>过敏</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="306"/>
        <source>健康与过敏</source>
        <translation>Health and allergies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="310"/>
        <source>回访记录</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="310"/>
        <source>还没有回访记录。</source>
        <translation>No follow-ups yet.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="312"/>
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="312"/>
        <source>待跟进</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="322"/>
        <source>内容</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="323"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="324"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="332"/>
        <source>回访记录（%1 次）</source>
        <translation>Follow-ups (%1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="364"/>
        <source>把 %1 恢复为在册？恢复后重新出现在点名和名单中。</source>
        <translation>Put %1 back on the roster? They appear in the roll call and the roster again.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="365"/>
        <source>恢复在册</source>
        <translation>Back on the roster</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="371"/>
        <source>%1 离开中心：不再出现在点名和在册名单中，档案保留，可以恢复。请填写离开日期：</source>
        <translation>%1 leaves the centre: no longer in the roll call or the roster; the profile is kept and can be restored. Date of leaving:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="373"/>
        <source>确认离开</source>
        <translation>Confirm leaving</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="387"/>
        <source>“离开日期”</source>
        <translation>“Date of leaving” </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="398"/>
        <source>%1 已离开中心。</source>
        <translation>%1 has left the centre.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="400"/>
        <source>%1 已恢复在册。</source>
        <translation>%1 is back on the roster.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="411"/>
        <source>补办借书证：%1 的旧号 %2 作废（以后扫到会提示），发一个新号。</source>
        <translation>Replace the library card: %1&apos;s old number %2 stops working (a scan of it is flagged) and a new number is given.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="414"/>
        <source>补办</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_detail.py" line="434"/>
        <source>%1 的借书证号：%2（可在“图书 → 打印”中打印借书证）</source>
        <translation>%1&apos;s library card number: %2 (print the card under Books → Print)</translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="95"/>
        <source>保存  Ctrl+S</source>
        <extracomment>(child id, message to show)</extracomment>
        <translation>Save  Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="98"/>
        <source>取消  Esc</source>
        <translation>Cancel  Esc</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="125"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="128"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="128"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="130"/>
        <source>如 2015-3-2 或 2015年3月2日</source>
        <translation>e.g. 2015-3-2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="145"/>
        <source>如 三年级2班</source>
        <translation>e.g. Grade 3 Class 2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="148"/>
        <source>如 古楼村5组</source>
        <translation>e.g. Gulou village, group 5</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="149"/>
        <location filename="../../center_app/ui/pages/child_form.py" line="352"/>
        <source>扫描借书证，或点“分配新号”</source>
        <translation>Scan the card, or click “New number”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="151"/>
        <source>分配新号</source>
        <translation>New number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="153"/>
        <source>保存时分配下一个未用过的借书证号（C00001 起）</source>
        <translation>On saving, give the next unused card number (from C00001)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="161"/>
        <source>姓名*</source>
        <translation>Name*</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="162"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="163"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="164"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="165"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="166"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="167"/>
        <source>村/组</source>
        <translation>Village/group</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="168"/>
        <source>借书证号</source>
        <translation>Library card</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="169"/>
        <source>家庭住址</source>
        <translation>Home address</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="170"/>
        <source>监护人已签字同意拍照：有这个孩子的活动照片可以打印</source>
        <translation>The guardian has signed consent to photos: activity photos with this child may be printed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="172"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="174"/>
        <source>家庭</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="178"/>
        <source>重点关注（社工定期回访）</source>
        <translation>Special attention (regular follow-ups by a social worker)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="180"/>
        <source>如 广东深圳</source>
        <translation>e.g. Shenzhen, Guangdong</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="184"/>
        <source>留守类型</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="186"/>
        <source>父亲务工地</source>
        <translation>Father works in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="187"/>
        <source>父亲电话</source>
        <translation>Father&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="188"/>
        <source>母亲务工地</source>
        <translation>Mother works in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="189"/>
        <source>母亲电话</source>
        <translation>Mother&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="193"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="195"/>
        <source>接送人（可以来接孩子的人）</source>
        <translation>Pick-up people (who may collect the child)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="198"/>
        <source>健康与备注</source>
        <translation>Health and notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="200"/>
        <source>如 哮喘，随身带喷雾</source>
        <translation>e.g. asthma, carries an inhaler</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="202"/>
        <source>如 花生过敏</source>
        <translation>e.g. peanut allergy</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="204"/>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="205"/>
        <source>过敏</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="206"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="215"/>
        <source>回车：下一项&#x3000;Ctrl+S：保存&#x3000;Esc：取消（不保存任何修改）</source>
        <translation>Enter: next field   Ctrl+S: save   Esc: cancel (nothing is saved)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="266"/>
        <location filename="../../center_app/ui/pages/child_form.py" line="278"/>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="322"/>
        <source>登记新儿童</source>
        <translation>Register a child</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="328"/>
        <source>修改档案：%1</source>
        <translation>Edit profile: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="378"/>
        <source>日期无法识别</source>
        <translation>Date not recognised</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="384"/>
        <source>晚于今天</source>
        <translation>After today</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="387"/>
        <source>%1 岁</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="401"/>
        <source>保存时补办新号，旧号 %1 作废</source>
        <translation>A new number on saving; the old number %1 stops working</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="403"/>
        <source>保存时自动分配下一个借书证号</source>
        <translation>The next card number is given on saving</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="477"/>
        <source>已登记 %1。</source>
        <translation>%1 registered.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="479"/>
        <source>已保存 %1 的档案。</source>
        <translation>%1&apos;s profile saved.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="481"/>
        <source>借书证号：%1</source>
        <translation>Library card: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="486"/>
        <source>没有保存，请改正：</source>
        <translation>Not saved. Please correct:</translation>
    </message>
</context>
<context>
    <name>ChildTableModel</name>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="45"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="47"/>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="48"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="49"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="50"/>
        <source>借书证</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="51"/>
        <source>留守类型</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="52"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="53"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="84"/>
        <source>已离开</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_roster.py" line="86"/>
        <source>重点关注</source>
        <translation>Special attention</translation>
    </message>
</context>
<context>
    <name>ChildrenExportPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="55"/>
        <source>导出花名册</source>
        <translation>Export the roster</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="58"/>
        <source>花名册包含儿童的个人信息，导出会记入审计日志（谁、什么时候、多少名儿童、存到哪里）。导出的文件请妥善保管，用完删除，不要发到群里。</source>
        <translation>The roster holds children&apos;s personal data. The export is recorded in the audit log (who, when, how many children, where to). Keep the file safe, delete it when done, and never post it in a chat group.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="65"/>
        <source>匿名导出</source>
        <translation>Anonymised export</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="70"/>
        <source>匿名导出：只有统计需要的代号（儿童A、儿童B…，每名儿童一个）、性别、年级、班级、年龄和留守类型；姓名、出生日期、学校、住址、电话、父母务工地、监护人、健康情况、过敏和备注都不导出 —— 用于统计或交给中心以外的人。</source>
        <translation>Anonymised export: only what statistics need — a code (儿童A, 儿童B…, one per child), sex, grade, class, age and left-behind type; no names, birth dates, schools, addresses, phone numbers, parents&apos; places of work, guardians, health notes, allergies or remarks — for statistics or for people outside the centre.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="80"/>
        <source>包括已离开的儿童</source>
        <translation>Include children who left</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="85"/>
        <source>只导出您有权查看的信息。Excel 或 CSV 文件，可以改好后再用“导入花名册”导回来。</source>
        <translation>Only what you may see is exported. An Excel or CSV file; after editing it can be brought back with “Import roster”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="91"/>
        <source>选择保存位置并导出…</source>
        <translation>Choose where to save and export…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="92"/>
        <source>不导出</source>
        <translation>Don&apos;t export</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="120"/>
        <source>花名册_匿名</source>
        <translation>roster_anonymised</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="120"/>
        <source>花名册</source>
        <translation>roster</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="142"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="147"/>
        <source>正在导出… %1%</source>
        <translation>Exporting… %1%</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="158"/>
        <source>已导出 %1 名儿童（匿名）到：%2</source>
        <translation>Exported %1 children (anonymised) to: %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_export.py" line="160"/>
        <source>已导出 %1 名儿童到：%2</source>
        <translation>Exported %1 children to: %2</translation>
    </message>
</context>
<context>
    <name>ChildrenImportPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/children_import.py" line="51"/>
        <source>选择花名册</source>
        <translation>Choose a roster</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_import.py" line="44"/>
        <source>导入花名册</source>
        <translation>Import a roster</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_import.py" line="45"/>
        <source>Excel 或 CSV 表格，每行一名儿童：姓名（必填）、性别、出生日期、年级、班级、学校、村/组、留守类型、父母务工地和电话、监护人、健康状况……列名写法不限（如“生日”“班别”）。已在名单中的儿童会更新，不会重复登记；表格里空着的格子不会清除已有信息。先预览，确认后再导入。</source>
        <translation>An Excel or CSV sheet, one child per row: name (required), gender, date of birth, grade, class, school, village/group, left-behind situation, parents&apos; work places and phones, guardian, health… Column names may vary (e.g. 生日, 班别). Children already on the roster are updated, never registered twice; an empty cell never erases what is stored. Preview first, then import.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_import.py" line="23"/>
        <source>将新增 %1 名儿童，更新 %2 名，%3 名没有变化。</source>
        <translation>Would add %1 children, update %2, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_import.py" line="32"/>
        <source>已导入“%1”：新增 %2 名儿童，更新 %3 名，%4 名没有变化。</source>
        <translation>Imported “%1”: %2 children added, %3 updated, %4 unchanged.</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="68"/>
        <source>导出花名册</source>
        <translation>Export the roster</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="70"/>
        <source>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="51"/>
        <source>儿童</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="92"/>
        <source>登记新儿童  Ctrl+N</source>
        <translation>Register a child  Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="94"/>
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="96"/>
        <source>导出花名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="99"/>
        <source>全体升一级…</source>
        <translation>Everyone up a grade…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="101"/>
        <source>新学年开学时：所有在册儿童升一个年级，初三儿童离开</source>
        <translation>At the start of a school year: every child on the roster moves up a grade; junior 3 children leave</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="109"/>
        <source>姓名、拼音首字母（如 wzh）、班级、借书证号…  Ctrl+F</source>
        <translation>Name, pinyin initials (e.g. wzh), class, card number…  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="113"/>
        <location filename="../../center_app/ui/pages/children.py" line="192"/>
        <source>全部班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="119"/>
        <source>在册</source>
        <translation>On the roster</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="120"/>
        <source>离开</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="121"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="123"/>
        <source>只看重点关注 ★</source>
        <translation>Special attention only ★</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="223"/>
        <source>找到 %1 名</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children.py" line="225"/>
        <source>在册 %1 名</source>
        <translation>%1 on the roster</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="48"/>
        <source>用我的覆盖</source>
        <translation>Overwrite with mine</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="51"/>
        <source>保留对方的</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="62"/>
        <source>儿童</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="62"/>
        <source>对方记为</source>
        <translation>They marked</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="62"/>
        <source>你记为</source>
        <translation>You marked</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="62"/>
        <source>谁、何时保存</source>
        <translation>Saved by, at</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="79"/>
        <source>别人</source>
        <translation>someone else</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="90"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="93"/>
        <source>这里的儿童、图书和记录都是编出来的，用来熟悉程序。请不要在这里录入真实的儿童信息；正式使用前，请管理员清空演示数据。</source>
        <translation>The children, books and records here are made up, for getting to know the program. Please do not enter real children here; before real use, an administrator should clear the demo data.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="97"/>
        <source>清空演示数据，开始正式使用…</source>
        <translation>Clear the demo data and start real use…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="98"/>
        <source>确认清空</source>
        <translation>Yes, clear it</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="99"/>
        <source>不清空</source>
        <translation>Don&apos;t clear</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="119"/>
        <source>儿童</source>
        <translation>children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="120"/>
        <source>图书（册）</source>
        <translation>books (copies)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="121"/>
        <source>借阅记录</source>
        <translation>loans</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="122"/>
        <source>考勤记录</source>
        <translation>attendance marks</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="123"/>
        <source>器材</source>
        <translation>equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="124"/>
        <source>志愿者</source>
        <translation>volunteers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="125"/>
        <source>活动</source>
        <translation>activities</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="129"/>
        <source>清空后，这个数据文件夹里的全部记录都会删除，包括演示期间录入的任何内容：%1。</source>
        <translation>Clearing deletes every record in this data folder, including anything entered during the demo: %1.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="130"/>
        <source>（没有记录）</source>
        <translation>(no records)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="134"/>
        <source>这些账号会被停用：%1。</source>
        <translation>These accounts will be disabled: %1.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/demo_banner.py" line="137"/>
        <source>考勤代码、借阅规则、语言设置和审计日志保留；清空前会自动备份一份。清空后请创建正式的管理员账号（并设置密码）。</source>
        <translation>Attendance codes, loan rules, the language setting and the audit log are kept; a backup is made first. Afterwards, create the real administrator account (with a password).</translation>
    </message>
</context>
<context>
    <name>DeskChildPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="42"/>
        <source>有逾期图书</source>
        <translation>Has overdue books</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="63"/>
        <source>书名</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="63"/>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="63"/>
        <source>应还日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="63"/>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="63"/>
        <source>续借次数</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="77"/>
        <source>还没有选人</source>
        <translation>Nobody selected</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="80"/>
        <source>扫借书证，或输入姓名 / 拼音首字母（如 wzh）后按回车。没有选人时，扫书就是还书。</source>
        <translation>Scan a library card, or type a name / pinyin initials (e.g. wzh) and press Enter. With nobody selected, scanning a book returns it.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="90"/>
        <source>借书证 %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="92"/>
        <source>没有借书证</source>
        <translation>No library card</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="96"/>
        <source>在借 %1 本</source>
        <translation>%1 on loan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="98"/>
        <source>还可借 %1 本</source>
        <translation>May borrow %1 more</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="103"/>
        <source>借还台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="109"/>
        <source>扫借书证或图书条码，或输入儿童姓名 / 拼音首字母，按回车</source>
        <translation>Scan a library card or a book&apos;s barcode, or type a child&apos;s name / pinyin initials, then Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="144"/>
        <location filename="../../center_app/ui/pages/desk.py" line="149"/>
        <source>当前账号不能办理借还。</source>
        <translation>This account cannot lend or take back books.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="151"/>
        <location filename="../../center_app/ui/pages/desk.py" line="608"/>
        <source>请扫借书证开始借书；不选人时扫书就是还书。</source>
        <translation>Scan a library card to lend books; with nobody selected, scanning a book returns it.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="171"/>
        <source>最近操作</source>
        <translation>Recent actions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="198"/>
        <source>续借 (F5)</source>
        <translation>Renew (F5)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="199"/>
        <source>撤销 (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="200"/>
        <source>换人/结束 (Esc)</source>
        <translation>Next child / finish (Esc)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="202"/>
        <source>逾期名单 (F8)</source>
        <translation>Overdue list (F8)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="205"/>
        <source>提示音</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="400"/>
        <source>没有找到姓名或拼音首字母是“%1”的儿童。请检查后重输，或扫借书证。</source>
        <translation>No child&apos;s name or pinyin initials match “%1”. Check and type again, or scan the library card.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="393"/>
        <source>找到 %1 名儿童：按 ↑↓ 选择，回车确定，Esc 取消。</source>
        <translation>%1 children found: choose with ↑↓, Enter to confirm, Esc to cancel.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="102"/>
        <source>F5 续借选中的书&#x3000;Ctrl+Z 撤销&#x3000;F8 逾期名单&#x3000;Esc 换人/结束&#x3000;↑↓ 选书或选人</source>
        <extracomment>an offer (&quot;回车 = 从 X 还回并借给 Y&quot;) older than this is not taken by Enter: the next person at the desk may press it seconds since some fixed point; tests replace it to let an offer grow old</extracomment>
        <translation>F5 renew selected book   Ctrl+Z undo   F8 overdue list   Esc next child/finish   ↑↓ choose book or child</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="324"/>
        <source>《%1》还在 %2 名下。回车 = 从 %2 还回并借给 %3；Esc = 不借。</source>
        <translation>“%1” is still on loan to %2. Enter = return it from %2 and lend it to %3; Esc = don&apos;t.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="337"/>
        <source>《%1》（%2）%3，没有借出，也不能借出。修好或找回后，请在图书目录中改为“在架”。</source>
        <translation>“%1” (%2) %3: not on loan and cannot be lent. Once it is mended or found, set it to “on the shelf” in the catalogue.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="344"/>
        <source>《%1》在架上，没有借出，不用还。要借这本书，请先扫借书证或输入儿童姓名。</source>
        <translation>“%1” is on the shelf, not on loan: nothing to return. To lend it, scan a library card or type a child&apos;s name first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="351"/>
        <source>已登记为损坏</source>
        <translation>is recorded as damaged</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="352"/>
        <source>已登记为遗失</source>
        <translation>is recorded as lost</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="353"/>
        <source>已剔除</source>
        <translation>is withdrawn</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="374"/>
        <source>这个提示已经过了一分钟，没有办理。请重新扫书。</source>
        <translation>That offer is more than a minute old and was not carried out. Please scan the book again.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="381"/>
        <source>没有办理。请继续扫书或扫借书证。</source>
        <translation>Nothing done. Go on scanning books or a library card.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="424"/>
        <source>%1：还可借 %2 本，请扫书。</source>
        <translation>%1 may borrow %2 more. Scan the books.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="431"/>
        <source>带来了就扫这本书还书，还书后马上可以借。</source>
        <translation> If the book is here, scan it to return it; the child may borrow again at once.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="440"/>
        <source>已结束 %1 的借书。没有选人时扫书就是还书。</source>
        <translation>Finished with %1. With nobody selected, scanning a book returns it.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="508"/>
        <source>%1 还可借 %2 本，请扫书。</source>
        <translation>%1 may borrow %2 more; scan a book.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="521"/>
        <source>续借：请先扫借书证，在表格中选中要续借的书（↑↓ 选择），再按 F5。</source>
        <translation>Renew: scan a library card first, select the book to renew in the table (↑↓), then press F5.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="524"/>
        <source>续借：请先按 F8 关上逾期名单，在 %1 的表格中选中要续借的书。</source>
        <translation>Renew: close the overdue list with F8 first, then select the book in %1&apos;s table.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="530"/>
        <source>续借：请在 %1 的表格中选中要续借的书（↑↓ 选择），再按 F5。</source>
        <translation>Renew: select the book to renew in %1&apos;s table (↑↓), then press F5.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="544"/>
        <source>没有可以撤销的操作。</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="606"/>
        <source>逾期名单：可按班级筛选、打印催还单。扫书照常还书；F8 或 Esc 关上。</source>
        <translation>Overdue list: filter by class and print reminder slips. Scanning a book still returns it; F8 or Esc closes the list.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="632"/>
        <source>已生成 %1 名儿童的催还单：%2</source>
        <translation>Overdue slips for %1 children written to %2</translation>
    </message>
</context>
<context>
    <name>DonorPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="218"/>
        <source>名称或拼音首字母，如 chjh</source>
        <translation>Name or pinyin initials, e.g. chjh</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="223"/>
        <source>找捐赠方：</source>
        <translation>Find donor:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="229"/>
        <source>捐赠方：</source>
        <translation>Donor:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="260"/>
        <source>没有找到捐赠方</source>
        <translation>No donor found</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="260"/>
        <source>还没有登记捐赠方</source>
        <translation>No donors registered yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="278"/>
        <source>请选一个捐赠方。</source>
        <translation>Choose a donor.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="282"/>
        <source>捐赠方报告：%1（%2）</source>
        <translation>Donor report: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Equipment</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="66"/>
        <source>体育</source>
        <translation>Sports</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="67"/>
        <source>音乐</source>
        <translation>Music</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="68"/>
        <source>美术</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="69"/>
        <source>棋类</source>
        <translation>Board games</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="70"/>
        <source>电子</source>
        <translation>Electronics</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="71"/>
        <source>阅读角</source>
        <translation>Reading corner</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="72"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="78"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="87"/>
        <source>完好</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="79"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="89"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="98"/>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="80"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="90"/>
        <source>维修中</source>
        <translation>In repair</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="81"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="92"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="102"/>
        <source>报废</source>
        <translation>Written off</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="88"/>
        <source>借出</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="91"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="99"/>
        <source>遗失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="100"/>
        <source>送修</source>
        <translation>Sent for repair</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="101"/>
        <source>修好</source>
        <translation>Repaired</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="103"/>
        <source>找回</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="104"/>
        <source>入库</source>
        <translation>Stock in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="105"/>
        <source>出库</source>
        <translation>Stock out</translation>
    </message>
</context>
<context>
    <name>EquipmentDeskTab</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="132"/>
        <source>扫借书证或器材编号；也可输入儿童姓名 / 拼音首字母，按回车</source>
        <extracomment>the shortfall choices of a return, in the order offered (``equipment.RESTS``: the service&apos;s names for them)</extracomment>
        <translation>Scan a library card or an asset barcode, or type a child&apos;s name / pinyin initials, then Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="195"/>
        <source>当前账号不能借出或归还器材。</source>
        <translation>This account cannot lend or take back equipment.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="196"/>
        <source>当前账号不能借出或归还器材，只能查看借出情况。</source>
        <translation>This account cannot lend or take back equipment; it can only see what is out.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="198"/>
        <source>请扫借书证，或在“借给”里填写班级、活动；不选人时扫器材就是归还。</source>
        <translation>Scan a library card, or enter a class or activity under “Lend to”; with nobody chosen, scanning equipment takes it back.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="232"/>
        <source>借出 (Enter)</source>
        <translation>Lend (Enter)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="235"/>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="283"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="255"/>
        <source>数回</source>
        <translation>Counted back</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="262"/>
        <source>其中损坏</source>
        <translation>of which damaged</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="268"/>
        <source>少了的</source>
        <translation>Missing ones</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="272"/>
        <source>还没还完（继续借着）</source>
        <translation>Not all back yet (still out)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="273"/>
        <source>丢失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="274"/>
        <source>损坏（没拿回来）</source>
        <translation>Broken (not brought back)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="275"/>
        <source>用完了（消耗品）</source>
        <translation>Used up (consumable)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="280"/>
        <source>确定归还 (Enter)</source>
        <translation>Return (Enter)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="303"/>
        <source>到闭馆还没还</source>
        <translation>Not back by closing</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="313"/>
        <source>借用人</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="313"/>
        <source>器材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="313"/>
        <source>未还</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="313"/>
        <source>应还时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="338"/>
        <source>归还选中的 (F6)</source>
        <translation>Return selected (F6)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="340"/>
        <source>下一件损坏 (F7)</source>
        <translation>Next one damaged (F7)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="342"/>
        <source>撤销 (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="343"/>
        <source>换人/结束 (Esc)</source>
        <translation>Next borrower / done (Esc)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="365"/>
        <source>借给：班级、活动或志愿者，回车</source>
        <translation>Lend to: class, activity or volunteer, Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="376"/>
        <source>找器材：名称或拼音首字母，回车</source>
        <translation>Find equipment: name or pinyin initials, Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="383"/>
        <source>今天几点前归还</source>
        <translation>Due back today by</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="400"/>
        <source>最近操作</source>
        <translation>Recent actions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="460"/>
        <source>活动：%1</source>
        <translation>Activity: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="485"/>
        <source>志愿者：%1</source>
        <translation>Volunteer: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="540"/>
        <source>好的，没有选人。请扫借书证，或在“借给”里填写班级、活动。</source>
        <translation>OK, nobody chosen. Scan a library card, or enter a class or activity under “Lend to”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="605"/>
        <source>没有找到编号为“%1”的器材或借书证。请检查标签，或输入器材名称找器材。</source>
        <translation>No equipment or library card has the code “%1”. Check the label, or find the equipment by name.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="618"/>
        <source>：没有借出，不用归还。要借出，请先扫借书证或在“借给”里填写班级、活动。</source>
        <translation>: not lent, nothing to return. To lend it, first scan a library card or enter a class or activity under “Lend to”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="640"/>
        <source>找到 %1 名儿童：按 ↑↓ 选择，回车确定，Esc 取消。</source>
        <translation>%1 children found: choose with ↑↓, Enter to confirm, Esc to cancel.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="649"/>
        <source>没有叫“%1”的儿童。回车 = 借给班级或活动“%1”；Esc = 不用。</source>
        <translation>No child is called “%1”. Enter = lend to the class or activity “%1”; Esc = no.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="703"/>
        <source>借给 %1：请扫器材编号，或在“找器材”里输入名称。</source>
        <translation>Lending to %1: scan the equipment&apos;s barcode, or type its name under “Find equipment”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="711"/>
        <source>已结束 %1 的借用。没有选人时扫器材就是归还。</source>
        <translation>Done with %1. With nobody chosen, scanning equipment takes it back.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="722"/>
        <source>借给：还没选（扫器材 = 归还）</source>
        <translation>Lend to: nobody yet (a scan = return)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="727"/>
        <source>借给：%1（%2）</source>
        <translation>Lend to: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="735"/>
        <source>儿童</source>
        <translation>child</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="736"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="737"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="738"/>
        <source>活动</source>
        <translation>activity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="751"/>
        <source>（活动结束时）</source>
        <translation>(end of the session)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="751"/>
        <source>（今天结束前）</source>
        <translation>(end of today)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="776"/>
        <source>%1 逐件编号：请逐个扫描要借出的那几件的编号。</source>
        <translation>%1 is numbered piece by piece: scan each piece to lend.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="780"/>
        <source>%1%2，不能借出。</source>
        <translation>%1: %2, cannot be lent.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="784"/>
        <source>%1 现在没有可借的（共 %2%3，借出 %4%3）。</source>
        <translation>%1 has none available now (%2 %3 in all, %4 %3 out).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="794"/>
        <source>%1：可借 %2%3。借给 %4 多少？</source>
        <translation>%1: %2 %3 available. How many for %4?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="803"/>
        <source>输入数量，回车借出；Esc 不借。</source>
        <translation>Type the quantity and press Enter to lend; Esc to cancel.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="835"/>
        <source>没有找到“%1”。请换个名称或拼音首字母再试。</source>
        <translation>Nothing found for “%1”. Try another name or pinyin initials.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="841"/>
        <source>可借 %1%2</source>
        <translation>%1 %2 available</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="849"/>
        <source>找到 %1 种器材：按 ↑↓ 选择，回车确定。</source>
        <translation>%1 items found: choose with ↑↓, Enter to confirm.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="884"/>
        <source>%1 没有借出，不用归还（可借 %2%3）。要借出，请先扫借书证或在“借给”里填写班级、活动。</source>
        <translation>%1 is not lent, nothing to return (%2 %3 available). To lend it, first scan a library card or enter a class or activity under “Lend to”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="898"/>
        <source>%1 有 %2 笔借出（%3）：请在借出列表中选中要归还的一笔（↑↓），按 F6。</source>
        <translation>%1 has %2 loans out (%3): select the one to return in the list (↑↓) and press F6.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="926"/>
        <source>请先在借出列表中选中要归还的一笔（↑↓ 选择），再按 F6。</source>
        <translation>First select the loan to return in the list (↑↓), then press F6.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="933"/>
        <source>归还 %1%2（%3）：借出 %4%5，未还 %6%5。数一数还回来多少？</source>
        <translation>Return %1%2 (%3): %4 %5 lent, %6 %5 still out. How many came back?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="948"/>
        <source>填好数量，回车归还；少了的请选怎么处理。Esc 不还。</source>
        <translation>Enter the counts and press Enter to return; say what happened to any missing. Esc to cancel.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="980"/>
        <source>下一件扫描归还的器材将登记为损坏。再按 F7 取消。</source>
        <translation>The next piece scanned back will be recorded as damaged. Press F7 again to cancel.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="982"/>
        <source>已取消：下一件归还的器材不登记损坏。</source>
        <translation>Cancelled: the next piece returned will not be recorded as damaged.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1003"/>
        <source>没有借出。</source>
        <translation>Nothing lent.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1003"/>
        <source>没有归还。</source>
        <translation>Nothing returned.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1030"/>
        <source>没有可以撤销的操作。</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1053"/>
        <source>%1（借 %2）</source>
        <translation>%1 (of %2)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1056"/>
        <source>%1 已过</source>
        <translation>%1 passed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1063"/>
        <source>到闭馆还没还：%1 笔</source>
        <translation>Not back by closing: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1063"/>
        <source>借出中：%1 笔</source>
        <translation>Out now: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1071"/>
        <source>今天 %1</source>
        <translation>today %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1073"/>
        <source>明天 %1</source>
        <translation>tomorrow %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_desk.py" line="1075"/>
        <source>%1月%2日 %3</source>
        <translation>%2/%1 %3</translation>
    </message>
</context>
<context>
    <name>EquipmentForm</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="161"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="375"/>
        <source>登记器材</source>
        <translation>Register item</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="165"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="171"/>
        <source>回车：下一项&#x3000;Ctrl+S：保存&#x3000;Esc：关闭</source>
        <translation>Enter: next field&#x3000;Ctrl+S: save&#x3000;Esc: close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="185"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="189"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="231"/>
        <source>如 跳绳、篮球（7号）、电子琴</source>
        <translation>e.g. skipping rope, basketball (size 7), keyboard</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="241"/>
        <source>按数量</source>
        <translation>By quantity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="243"/>
        <source>如 20 根跳绳：记一个总数，箱子或柜子上贴一个编号</source>
        <translation>e.g. 20 skipping ropes: one total, one number on the box or shelf</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="244"/>
        <source>逐件编号</source>
        <translation>One by one</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="246"/>
        <source>如电子琴、投影仪：每一件一个编号，借还时扫每一件</source>
        <translation>e.g. keyboards, projectors: a number on each piece, each scanned when lent or returned</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="262"/>
        <source>个、根、副、套</source>
        <translation>pcs, sets, pairs…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="263"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="435"/>
        <source>数量：</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="270"/>
        <source>如 器材室A柜</source>
        <translation>e.g. Equipment room cabinet A</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="272"/>
        <source>消耗品</source>
        <translation>Consumable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="274"/>
        <source>用了就没有的（纸、粉笔、羽毛球）：按数量登记，领用出库</source>
        <translation>Used up when used (paper, chalk, shuttlecocks): kept by quantity, taken out of stock</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="278"/>
        <source>不提醒</source>
        <translation>No alert</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="279"/>
        <source>可借的少到这个数时，列入补货清单</source>
        <translation>Put on the restock list when the available pieces fall to this number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="286"/>
        <source>捐赠方，如 某某公益基金会</source>
        <translation>Donor, e.g. a charity foundation</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="287"/>
        <source>如 2026-11-29</source>
        <translation>e.g. 2026-11-29</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="288"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="291"/>
        <source>名称*：</source>
        <translation>Name*:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="292"/>
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="292"/>
        <source>状况：</source>
        <translation>Condition:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="294"/>
        <source>登记方式：</source>
        <translation>Kept:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="295"/>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="297"/>
        <source>存放位置：</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="298"/>
        <source>补货提醒：</source>
        <translation>Restock alert:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="299"/>
        <source>来源：</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="300"/>
        <source>入库日期：</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="300"/>
        <source>单价：</source>
        <translation>Price each:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="302"/>
        <source>备注：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="394"/>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="534"/>
        <source>修改“%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="431"/>
        <source>件数：</source>
        <translation>Pieces:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="433"/>
        <source>有几件：每件得到一个编号（E000123），可以打印标签贴上</source>
        <translation>How many pieces: each gets a number (E000123) to print on a label</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="435"/>
        <source>总数：</source>
        <translation>Total:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="463"/>
        <source>没有保存，请按红字改正。</source>
        <translation>Not saved: please correct what is in red.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="486"/>
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="492"/>
        <source>入库日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="535"/>
        <source>已保存“%1”。</source>
        <translation>Saved “%1”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="547"/>
        <source>已登记“%1”%2%3，编号 %4。</source>
        <translation>Registered “%1”: %2 %3, number %4.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="555"/>
        <source>可以登记下一件了。</source>
        <translation>Ready for the next item.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="558"/>
        <source>“%1”的新标签</source>
        <translation>New labels of “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_form.py" line="559"/>
        <source>打印这 %1 张标签…</source>
        <translation>Print these %1 labels…</translation>
    </message>
</context>
<context>
    <name>EquipmentImportPanel</name>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="513"/>
        <source>将登记器材 %1 种，共 %2 件。</source>
        <translation>Will register %1 items, %2 pieces in all.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="516"/>
        <source>来源：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="522"/>
        <source>已导入“%1”：器材 %2 种，共 %3 件，编号 %4 个。</source>
        <translation>Imported “%1”: %2 items, %3 pieces, %4 numbers.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="532"/>
        <source>这个文件已在 %1 导入过（%2 行，%3 件），再导入需要确认。</source>
        <translation>This file was imported on %1 (%2 rows, %3 pieces); importing it again needs confirming.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="541"/>
        <source>这个文件已在 %1 导入过（%2 行，%3 件）。再导入一次，每件器材都会再登记一遍。确实又收到了同样的一批器材吗？</source>
        <translation>This file was imported on %1 (%2 rows, %3 pieces). Importing it again registers every item a second time. Did the same equipment really arrive again?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="553"/>
        <source>这批器材的来源（表格里没写时用这个名字）</source>
        <translation>Where this equipment came from (used where the sheet names none)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="555"/>
        <source>表格中没写来源的行用这个名字</source>
        <translation>Used for rows that name no source</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="556"/>
        <source>这批器材的来源（表格里没有“来源”列）</source>
        <translation>Where this equipment came from (the sheet has no “Source” column)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="562"/>
        <source>打印这 %1 张器材标签…</source>
        <translation>Print these %1 equipment labels…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="573"/>
        <source>导入器材清单</source>
        <translation>Import equipment list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="574"/>
        <source>捐赠方给的 Excel 或 CSV 清单，每行一种器材：名称（必填）、数量、单位、类别、存放位置、来源、入库日期、单价、状况、逐件编号、编号、消耗品、补货提醒、备注……列名写法不限（如“物品名称”“件数”“捐赠方”），表格上方的标题行、GBK 编码的 CSV 都可以。先预览，确认后再导入。</source>
        <translation>A donor&apos;s Excel or CSV list, one item per row: name (required), quantity, unit, category, place, source, date received, price, condition, one by one, number, consumable, restock alert, notes… Column names may vary (e.g. “物品名称”, “件数”, “捐赠方”); title rows above the table and GBK-encoded CSV are fine. Preview first, then import.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="579"/>
        <source>选择器材清单</source>
        <translation>Choose equipment list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="587"/>
        <source>来源：</source>
        <translation>Source:</translation>
    </message>
</context>
<context>
    <name>EquipmentIncidentsTab</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="64"/>
        <source>%1：共 %2%3，可借 %4，借出 %5，损坏 %6，维修中 %7</source>
        <extracomment>``data(index, INCIDENT_ID_ROLE)`` → the entry&apos;s id, for any column</extracomment>
        <translation>%1: %2 %3 in all, %4 available, %5 out, %6 damaged, %7 in repair</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="556"/>
        <source>登记…</source>
        <extracomment>this tab takes no scans of its own (an asset barcode scanned into the search finds its item&apos;s entries)</extracomment>
        <translation>Report…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="564"/>
        <source>按器材找：名称、拼音首字母（如 ts = 跳绳）、编号…</source>
        <translation>Find by equipment: name, pinyin initials (e.g. ts = 跳绳), number…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="569"/>
        <source>损坏、遗失和维修</source>
        <translation>Damage, losses and repairs</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="570"/>
        <source>全部（含入库、出库）</source>
        <translation>All (with stock in and out)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="573"/>
        <source>只看未处理的</source>
        <translation>Only open ones</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="655"/>
        <source>共 %1 条，未处理 %2 条</source>
        <translation>%1 entries, %2 open</translation>
    </message>
</context>
<context>
    <name>EquipmentItemsTab</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="111"/>
        <source>今天 %1</source>
        <extracomment>``data(index, ITEM_ID_ROLE)`` → the item&apos;s id, for any column</extracomment>
        <translation>today %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="597"/>
        <source>%1报告</source>
        <translation>reported by %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="599"/>
        <source>当时借给 %1</source>
        <translation>lent to %1 at the time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="601"/>
        <source>处理：%1</source>
        <translation>done: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="603"/>
        <source>未处理完</source>
        <translation>not dealt with yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="939"/>
        <source>导出器材清单</source>
        <extracomment>this tab takes no scans of its own (an asset barcode scanned into the search finds its item)</extracomment>
        <translation>Export equipment list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="941"/>
        <source>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="945"/>
        <source>名称、拼音首字母（如 ts = 跳绳）、位置、来源、编号…</source>
        <translation>Name, pinyin initials (e.g. ts = 跳绳), place, source, number…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1001"/>
        <source>登记器材</source>
        <translation>Register item</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1003"/>
        <source>导入清单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1005"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1007"/>
        <source>打印标签…</source>
        <translation>Print labels…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1019"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1024"/>
        <source>全部位置</source>
        <translation>All places</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1032"/>
        <source>全部状况</source>
        <translation>Any condition</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1033"/>
        <source>完好</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1034"/>
        <source>有损坏的</source>
        <translation>With damaged pieces</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1035"/>
        <source>有维修中的</source>
        <translation>With pieces in repair</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1036"/>
        <source>已报废</source>
        <translation>Written off</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1040"/>
        <source>只看要补货的</source>
        <translation>Only to restock</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1042"/>
        <source>设了补货提醒、可借的已少到提醒数的器材</source>
        <translation>Items with a restock alert whose available pieces have fallen to it</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1077"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1140"/>
        <source>共 %1 种 %2 件，借出 %3 件</source>
        <translation>%1 items, %2 pieces, %3 out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1257"/>
        <source>新编号</source>
        <translation>New numbers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1275"/>
        <source>新登记的器材</source>
        <translation>Newly registered equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1281"/>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1284"/>
        <source>导入的“%1”</source>
        <translation>Imported “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="1335"/>
        <source>已导出 %1 种器材到 %2</source>
        <translation>Exported %1 items to %2</translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment.py" line="40"/>
        <source>器材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment.py" line="41"/>
        <source>器材清单</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment.py" line="42"/>
        <source>借还</source>
        <translation>Lend &amp; return</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment.py" line="43"/>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment.py" line="44"/>
        <source>盘点</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment.py" line="45"/>
        <source>损坏维修</source>
        <translation>Damage &amp; repair</translation>
    </message>
</context>
<context>
    <name>EquipmentStockTab</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="82"/>
        <source>当前账号不能办理入库或出库，只能查看库存和补货清单。</source>
        <extracomment>items listed at once under the search (a centre has a few hundred; typing narrows it)</extracomment>
        <translation>This account cannot stock in or out; it can only see the stock and the restock list.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="90"/>
        <source>入库 / 出库</source>
        <translation>Stock in / out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="93"/>
        <source>找器材：名称、拼音首字母或编号</source>
        <translation>Find equipment: name, pinyin initials or barcode</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="114"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="123"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="127"/>
        <source>如 捐赠、购买、美术课用完</source>
        <translation>e.g. donated, bought, used up in art class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="132"/>
        <source>入库（加上）</source>
        <translation>Stock in (add)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="135"/>
        <source>出库（领用、用完）</source>
        <translation>Stock out (taken, used up)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="157"/>
        <source>可用的数量已降到补货提醒以下的器材（补货提醒在器材的资料里设置）。双击一行可直接入库。</source>
        <translation>Items whose usable quantity has fallen to their restock reminder (set in the item&apos;s details). Double-click a row to stock it in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="167"/>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="364"/>
        <source>器材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="167"/>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="365"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="167"/>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="366"/>
        <source>存放位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="167"/>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="367"/>
        <source>可用</source>
        <translation>Usable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="167"/>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="368"/>
        <source>补货提醒</source>
        <translation>Restock at</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="177"/>
        <source>导出补货清单（Excel）…</source>
        <translation>Export restock list (Excel)…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="222"/>
        <source>%1&#x3000;%2&#x3000;可用 %3%4 / 共 %5%4</source>
        <translation>%1&#x3000;%2&#x3000;%3 %4 usable / %5 %4 in all</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="260"/>
        <source>请在上面找到并选中一种按数量登记的器材。</source>
        <translation>Find and select an item kept by quantity above.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="264"/>
        <source>%1：共 %2%3，可用 %4%3，借出 %5%3</source>
        <translation>%1: %2 %3 in all, %4 %3 usable, %5 %3 out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="272"/>
        <source>；补货提醒：%1%2</source>
        <translation>; restock at %1 %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="314"/>
        <source>已入库：%1 %2%3。</source>
        <translation>Stocked in: %1 %2 %3.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="314"/>
        <source>已出库：%1 %2%3。</source>
        <translation>Stocked out: %1 %2 %3.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="317"/>
        <source>现共 %1%2，可用 %3%2。</source>
        <translation>Now %1 %2 in all, %3 %2 usable.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="323"/>
        <source>已降到补货提醒，列入补货清单。</source>
        <translation>At its restock reminder: now on the restock list.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="348"/>
        <source>需要补货：%1 种</source>
        <translation>To restock: %1 items</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="348"/>
        <source>需要补货：没有</source>
        <translation>To restock: none</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="357"/>
        <source>器材补货清单-%1.xlsx</source>
        <translation>equipment-restock-%1.xlsx</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="369"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="374"/>
        <source>需要补货的器材（%1）</source>
        <translation>Equipment to restock (%1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="383"/>
        <source>补货清单</source>
        <translation>Restock list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="389"/>
        <source>已导出补货清单：%1</source>
        <translation>Restock list exported: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="396"/>
        <source>导出补货清单</source>
        <translation>Export restock list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stock.py" line="396"/>
        <source>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>EquipmentStocktakeTab</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="142"/>
        <source>还没有开始盘点：请先选择盘点范围，按“开始盘点”。</source>
        <extracomment>how each scan&apos;s outcome is said: colour of the line, and the sound where to save an export: (suggested path, &quot;.xlsx&quot; or &quot;.pdf&quot;) → the chosen path, &quot;&quot; for none the stocktake the counting view shows (open, or a past one&apos;s result)</extracomment>
        <translation>No stocktake yet: choose what to count and press “Start stocktake”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="145"/>
        <source>当前账号不能清点器材。</source>
        <translation>This account cannot count equipment.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="158"/>
        <source>当前账号不能开始盘点（需要“开始、确认或取消盘点”的权限），可以查看以往的盘点。</source>
        <translation>This account cannot start a stocktake (it needs the right to start, confirm or cancel stocktakes); it can look at past stocktakes.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="166"/>
        <source>这是以往一次盘点的结果，只能查看和导出。</source>
        <translation>This is the result of a past stocktake: it can only be viewed and exported.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="196"/>
        <source>请扫描器材上的编号。按数量的器材：扫描它的标签，再输入点到的数目。</source>
        <translation>Scan the number on each piece. For equipment kept by quantity: scan its label, then type the number counted.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="199"/>
        <source>当前账号不能清点器材（需要“借出或归还器材”的权限），只能查看。</source>
        <translation>This account cannot count equipment (it needs the right to lend and take back equipment); it can only look.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="240"/>
        <source>盘点中：%1（%2 开始）</source>
        <translation>Stocktake in progress: %1 (started %2)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="242"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="242"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="244"/>
        <source>盘点结果：%1（%2 开始，%3）</source>
        <translation>Stocktake result: %1 (started %2, %3)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="250"/>
        <source>已清点 %1 / %2</source>
        <translation>Counted %1 / %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="269"/>
        <source>当前账号可以清点，但不能确认或取消盘点。</source>
        <translation>This account can count, but cannot confirm or cancel the stocktake.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="289"/>
        <source>盘点开始：应清点 %1 项。请扫描器材上的编号；按数量的器材扫描标签后输入点到的数目。</source>
        <translation>Stocktake started: %1 lines to count. Scan the number on each piece; for equipment kept by quantity scan its label, then type the number counted.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="309"/>
        <source>要输入数目，请先扫描按数量的器材的标签（或在表中点选它），再输入点到的数目。</source>
        <translation>To type a number, first scan the label of equipment kept by quantity (or click it in the table), then type the number counted.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="315"/>
        <source>“%1”不是器材编号：请扫描器材上的编号，或输入编号后按回车。</source>
        <translation>“%1” is not an equipment number: scan the number on the piece, or type it and press Enter.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake.py" line="338"/>
        <source>（未知编号）</source>
        <translation>(unknown number)</translation>
    </message>
</context>
<context>
    <name>EquipmentUnreturned</name>
    <message>
        <location filename="../../center_app/ui/pages/overview_equipment.py" line="70"/>
        <source>去器材页收回</source>
        <extracomment>loans named in the line; the rest are counted (&quot;等&quot;)</extracomment>
        <translation>Go to equipment to take back</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_equipment.py" line="98"/>
        <source>器材到闭馆还没还（%1 笔）：%2</source>
        <translation>Equipment not back by closing (%1): %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_equipment.py" line="103"/>
        <source> 等</source>
        <translation> and more</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../center_app/ui/errors.py" line="48"/>
        <source>出了点问题</source>
        <extracomment>keeps the Python wrapper of the copy button alive with the dialog</extracomment>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/errors.py" line="53"/>
        <source>程序遇到一个意外错误，刚才的操作没有完成，数据没有被改动。</source>
        <translation>The program met an unexpected error. The last action was not completed and no data was changed.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/errors.py" line="58"/>
        <source>详细信息已记录在日志文件中：%1
如果问题反复出现，请把详细信息发给技术支持。</source>
        <translation>The details are in the log file: %1
If this keeps happening, send the details to your technical support.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/errors.py" line="63"/>
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/errors.py" line="120"/>
        <source>无法打开中心的数据。数据没有被改动。</source>
        <translation>The centre&apos;s data could not be opened. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>FirstAdminWidget</name>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="132"/>
        <source>第一次使用，请先创建管理员账号：管理员可以添加其他用户、修改设置、备份数据和查看审计日志。</source>
        <translation>First use: create the administrator account. The administrator can add other users, change settings, back up the data and read the audit log.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="135"/>
        <source>登录时输入，例如 lifang</source>
        <translation>Typed at sign-in, e.g. lifang</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="136"/>
        <source>例如：李芳</source>
        <translation>e.g. Li Fang</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="137"/>
        <source>至少6个字符，不要用123456这类常见密码</source>
        <translation>At least 6 characters; not a common one like 123456</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="127"/>
        <source>管理员账号</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="138"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="138"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="138"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="138"/>
        <source>再次输入密码：</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="148"/>
        <source>已创建管理员 %1（%2），并已登录。</source>
        <translation>Administrator %1 (%2) created and signed in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="162"/>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords do not match. Please type them again.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../center_app/ui/first_run/wizard.py" line="142"/>
        <source>欢迎使用儿童之家管理系统</source>
        <extracomment>opens a data folder in a window of its own (the demo); tests replace it</extracomment>
        <translation>Welcome to the Children&apos;s Centre Manager</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/wizard.py" line="143"/>
        <source>上一步  Esc</source>
        <translation>Back  Esc</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/wizard.py" line="155"/>
        <source>第 %1 步，共 %2 步：%3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/wizard.py" line="161"/>
        <source>完成  Enter</source>
        <translation>Finish  Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/wizard.py" line="161"/>
        <source>下一步  Enter</source>
        <translation>Next  Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/wizard.py" line="197"/>
        <source>正在处理，请等它完成。</source>
        <translation>Working on it, please wait until it is done.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/wizard.py" line="237"/>
        <source>演示中心没能打开。它在 %1，可以用“--data-dir 文件夹”打开。</source>
        <translation>The demo centre could not be opened. It is in %1; open it with “--data-dir FOLDER”.</translation>
    </message>
</context>
<context>
    <name>FollowUpForm</name>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="76"/>
        <source>保存  Ctrl+S</source>
        <translation>Save  Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="79"/>
        <source>取消  Esc</source>
        <translation>Cancel  Esc</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="96"/>
        <source>如 2026-11-29</source>
        <translation>e.g. 2026-11-29</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="106"/>
        <source>选择或输入</source>
        <translation>Choose or type</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="108"/>
        <source>了解到的情况</source>
        <translation>What you learnt</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="111"/>
        <source>如 一个月后再回访</source>
        <translation>e.g. follow up again in a month</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="112"/>
        <source>已处理（该儿童当前的缺勤预警随之消除）</source>
        <translation>Resolved (clears the child&apos;s current absence warnings)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="114"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="116"/>
        <source>方式：</source>
        <translation>How:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="119"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="120"/>
        <source>回访内容</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="121"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="122"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="125"/>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="148"/>
        <source>记录回访：%1</source>
        <translation>Follow-up: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="164"/>
        <source>请填写回访日期。</source>
        <translation>Please enter the date of the follow-up.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="169"/>
        <source>“回访日期”</source>
        <translation>“Date” </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="171"/>
        <source>请填写回访内容或结果。</source>
        <translation>Please enter the notes or the outcome.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="175"/>
        <source>没有保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/follow_up_form.py" line="206"/>
        <source>已记录回访。</source>
        <translation>Follow-up recorded.</translation>
    </message>
</context>
<context>
    <name>HoursTableModel</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="235"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="236"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="237"/>
        <source>单位/学校</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="238"/>
        <source>内容</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="239"/>
        <source>时长</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="240"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="241"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="277"/>
        <source>%1 签到</source>
        <translation>in at %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="286"/>
        <source>签到 %1</source>
        <translation>Signed in %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="288"/>
        <source>，签退 %1</source>
        <translation>, out at %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="291"/>
        <source>审核：%1</source>
        <translation>Reviewed by: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="293"/>
        <source>说明：%1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="92"/>
        <source>选择捐赠清单</source>
        <translation>Choose a donation list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="86"/>
        <source>导入捐赠清单</source>
        <translation>Import a donation list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="87"/>
        <source>Excel 或 CSV 表格，每行一种书：书名（必填）、作者、出版社、出版年、ISBN、分类号、适读年级、定价、数量、捐赠方……列名写法不限（如“题名”“著者”“册数”）。先预览，确认后再导入。</source>
        <translation>An Excel or CSV table, one book per row: title (required), author, publisher, year, ISBN, CLC number, grades, price, quantity, donor… Column names may vary (e.g. 题名, 著者, 册数). Preview first, then import.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="164"/>
        <source>选择文件(&amp;O)…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="181"/>
        <source>跳过有问题的行，其余照常导入</source>
        <translation>Skip the rows with problems and import the rest</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="100"/>
        <source>捐赠方：</source>
        <translation>Donor:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="152"/>
        <source>关闭  Esc</source>
        <extracomment>importing a file imported before (the same bytes) asks this first, then runs with ``again=True``; None: importing it again needs no confirmation (the service notes it in the preview&apos;s warnings) the preview&apos;s first line when the file was imported before (with ``again_question``) the import committed (the service&apos;s result): the page reloads what it shows the kind&apos;s result button was clicked (the result)</extracomment>
        <translation>Close  Esc</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="197"/>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="202"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="217"/>
        <source>仍要再导入(&amp;A)</source>
        <translation>Import &amp;again anyway</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="218"/>
        <source>不导入</source>
        <translation>Don&apos;t import</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="262"/>
        <source>还没有选择文件。</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="341"/>
        <source>导入已取消，没有导入任何数据。</source>
        <translation>Import cancelled; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="374"/>
        <source>正在读取文件…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="438"/>
        <source>另一个导入还没有完成，请等它完成后再导入。</source>
        <translation>Another import has not finished yet. Please wait for it before importing.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="461"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="70"/>
        <source>这批书的捐赠方（表格里没写时用这个名字）</source>
        <translation>Donor of these books (used where the table names none)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="382"/>
        <source>共 %1 行：可导入 %2 行</source>
        <translation>%1 rows: %2 can be imported</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="387"/>
        <source>，%1 行有问题</source>
        <translation>, %1 rows have problems</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="389"/>
        <source>，跳过合计行 %1 行</source>
        <translation>, %1 total rows skipped</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="390"/>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="26"/>
        <source>将新增书目 %1 种，为已有书目 %2 种加复本，共 %3 册。</source>
        <translation>Will add %1 new titles and more copies to %2 catalogued titles, %3 copies in all.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="32"/>
        <source>捐赠方：%1</source>
        <translation>Donors: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="393"/>
        <source>工作表：%1（第 %2 行是表头）</source>
        <translation>Sheet: %1 (header on row %2)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="403"/>
        <source>识别的列：%1</source>
        <translation>Columns found: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="405"/>
        <source>未使用的列：%1</source>
        <translation>Columns not used: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="48"/>
        <source>这个文件已在 %1 导入过（%2 行，%3 册），再导入需要确认。</source>
        <translation>This file was already imported on %1 (%2 rows, %3 copies); importing it again needs confirmation.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="412"/>
        <source>请核对：</source>
        <translation>Please check: </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="72"/>
        <source>表格中没写捐赠方的行用这个名字</source>
        <translation>Used for rows that name no donor</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="73"/>
        <source>这批书的捐赠方（表格里没有“捐赠方”列）</source>
        <translation>Donor of these books (the table has no donor column)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="417"/>
        <source>这个文件里没有可以导入的行。</source>
        <translation>This file has no rows that can be imported.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="422"/>
        <source>有问题的行请在表格里改正后重新选择文件；或勾选“跳过有问题的行”，只导入没有问题的行。</source>
        <translation>Correct the rows with problems in the table and choose the file again, or tick “skip the rows with problems” to import only the good rows.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="426"/>
        <source>没有发现问题，可以导入。</source>
        <translation>No problems found: ready to import.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="57"/>
        <source>这个文件已在 %1 导入过（%2 行，%3 册）。再导入一次，每一册都会再登记一遍。确实又收到了同样的一批书吗？</source>
        <translation>This file was already imported on %1 (%2 rows, %3 copies). Importing it again registers every copy a second time. Have you really received the same batch of books again?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="38"/>
        <source>已导入“%1”：新书目 %2 种，已有书目 %3 种加复本，共 %4 册。</source>
        <translation>Imported “%1”: %2 new titles, more copies for %3 catalogued titles, %4 copies in all.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="474"/>
        <source>跳过了 %1 行：第 %2 行。</source>
        <translation>Skipped %1 rows: row %2.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="79"/>
        <source>打印这 %1 册的书标…</source>
        <translation>Print the labels of these %1 copies…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="497"/>
        <source>没有导入。</source>
        <translation>Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="175"/>
        <source>如 已送县城维修、已修好放回A柜</source>
        <translation>e.g. sent to the county town for repair; repaired and back in cabinet A</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="177"/>
        <source>怎么处理的：</source>
        <translation>What was done:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="178"/>
        <source>已处理完，不用再跟进</source>
        <translation>Dealt with, no follow-up needed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="181"/>
        <source>保存处理结果</source>
        <translation>Save what was done</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="192"/>
        <source>在左边选一条记录，在这里写怎么处理的。器材坏了、丢了、送修或修好了，按“登记…”（Ctrl+N）记下来。</source>
        <translation>Choose an entry on the left to record what was done. When equipment breaks, goes missing, is sent for repair or comes back repaired, record it with “Report…” (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="218"/>
        <source>日期：%1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="220"/>
        <source>报告人：%1</source>
        <translation>Reported by: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="222"/>
        <source>当时借给：%1</source>
        <translation>Lent to at the time: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="224"/>
        <source>情况：%1</source>
        <translation>What happened: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="227"/>
        <source>已处理 %1</source>
        <translation>Dealt with %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="229"/>
        <source>还没有处理完</source>
        <translation>Not dealt with yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="247"/>
        <source>已保存处理结果。</source>
        <translation>Saved what was done.</translation>
    </message>
</context>
<context>
    <name>IncidentReportForm</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="286"/>
        <source>登记损坏、遗失或维修</source>
        <translation>Report damage, a loss or a repair</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="287"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="294"/>
        <source>器材名称、拼音首字母，或扫编号</source>
        <translation>Equipment name, pinyin initials, or scan its number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="320"/>
        <source>逐件编号的器材：是哪一件</source>
        <translation>For equipment numbered piece by piece: which piece</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="325"/>
        <source>谁发现的，如 李老师、王子涵</source>
        <translation>Who noticed, e.g. Ms Li, Wang Zihan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="326"/>
        <source>如 绳子断了、少了 2 个</source>
        <translation>e.g. the rope broke, 2 missing</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="327"/>
        <source>如 已送县城维修；没有可不填</source>
        <translation>e.g. sent to the county town for repair; may be left empty</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="328"/>
        <source>已处理完，不用再跟进</source>
        <translation>Dealt with, no follow-up needed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="330"/>
        <source>不勾选时：损坏、送修留作“未处理”，其余记为已处理</source>
        <translation>Unticked: damage and repairs stay open, the rest are recorded as dealt with</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="335"/>
        <source>数量：</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="338"/>
        <source>类型：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="339"/>
        <source>哪一件：</source>
        <translation>Piece:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="341"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="342"/>
        <source>报告人：</source>
        <translation>Reported by:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="343"/>
        <source>情况：</source>
        <translation>What happened:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="344"/>
        <source>处理：</source>
        <translation>Done:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="349"/>
        <source>登记(&amp;S)</source>
        <translation>Record (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="378"/>
        <source>先选器材：输入名称或拼音首字母，或扫器材上的编号。</source>
        <translation>First choose the equipment: type its name or pinyin initials, or scan its number.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="396"/>
        <source>没有找到“%1”。</source>
        <translation>Nothing found for “%1”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="493"/>
        <source>请先选器材：输入名称或拼音首字母，或扫器材上的编号。</source>
        <translation>Please choose the equipment first: type its name or pinyin initials, or scan its number.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="517"/>
        <source>已登记：%1 %2 %3。</source>
        <translation>Recorded: %1 %2 %3.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="87"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="88"/>
        <source>器材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="89"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="90"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="91"/>
        <source>报告人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="92"/>
        <source>情况</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="93"/>
        <source>处理</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="94"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="133"/>
        <source>当时借给 %1</source>
        <translation>lent to %1 at the time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="137"/>
        <source>已处理</source>
        <translation>Dealt with</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_incidents.py" line="137"/>
        <source>未处理</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ItemDetailPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="261"/>
        <source>修改  F2</source>
        <translation>Edit  F2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="262"/>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="264"/>
        <source>只用于登记错了的器材；借出过或有记录的不能删除，不再用的请把状况改为“报废”</source>
        <translation>Only for equipment registered by mistake; equipment that was lent or has records cannot be deleted — set its condition to “Written off” instead</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="266"/>
        <source>报损/维修…</source>
        <translation>Report damage/repair…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="279"/>
        <source>添加几件</source>
        <translation>Add pieces</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="280"/>
        <source>又收到同样的器材：每件一个新编号</source>
        <translation>More of the same arrived: each piece gets a new number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="281"/>
        <source>又来了</source>
        <translation>More arrived:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="291"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="291"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="291"/>
        <source>在谁那里</source>
        <translation>Who has it</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="295"/>
        <source>借给</source>
        <translation>Lent to</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="295"/>
        <source>借出</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="295"/>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="300"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="295"/>
        <source>归还</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="300"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="300"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="300"/>
        <source>情况和处理</source>
        <translation>What happened and what was done</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="314"/>
        <source>每一件</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="315"/>
        <source>借用记录</source>
        <translation>Loans</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="316"/>
        <source>损坏维修</source>
        <translation>Damage &amp; repair</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="334"/>
        <source>在左边选一件器材，这里显示它的每一件、借用记录和损坏维修记录。</source>
        <translation>Choose an item on the left to see its pieces, loans and damage and repair records here.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="400"/>
        <source>每一件（%1）</source>
        <translation>Pieces (%1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="402"/>
        <source>损坏维修（%1）</source>
        <translation>Damage &amp; repair (%1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="409"/>
        <source>逐件编号</source>
        <translation>One by one</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="409"/>
        <source>按数量</source>
        <translation>By quantity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="412"/>
        <source>消耗品</source>
        <translation>Consumable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="416"/>
        <source>编号 %1</source>
        <translation>number %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="420"/>
        <source>来源：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="422"/>
        <source>入库：%1</source>
        <translation>Received: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="424"/>
        <source>单价 %1 元</source>
        <translation>¥%1 each</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="426"/>
        <source>补货提醒：可借 ≤ %1</source>
        <translation>Restock when available ≤ %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="430"/>
        <source>备注：%1</source>
        <translation>Notes: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="437"/>
        <source>共 %1%2：&lt;b&gt;可借 %3&lt;/b&gt; · 借出 %4 · 损坏 %5 · 维修中 %6</source>
        <translation>%1 %2 in all: &lt;b&gt;%3 available&lt;/b&gt; · %4 out · %5 damaged · %6 in repair</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="446"/>
        <source>整件：%1</source>
        <translation>Item as a whole: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="449"/>
        <source>该补货了</source>
        <translation>Restock now</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="464"/>
        <source>（应还 %1）</source>
        <translation> (due %1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="476"/>
        <source>已还 %1</source>
        <translation>Returned %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="478"/>
        <source>（还回 %1）</source>
        <translation> (%1 back)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="481"/>
        <source>还了 %1，还差 %2</source>
        <translation>%1 back, %2 still out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="484"/>
        <source>未还</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="486"/>
        <source>，应还 %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="522"/>
        <source>删除“%1”（%2%3）？只用于登记错了的器材，删除后不能恢复。</source>
        <translation>Delete “%1” (%2 %3)? Only for equipment registered by mistake; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="529"/>
        <source>确认删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="530"/>
        <source>不删除</source>
        <translation>Don&apos;t delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="543"/>
        <source>已删除“%1”。</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="566"/>
        <source>已添加 %1%2，编号 %3。</source>
        <translation>Added %1 %2, numbers %3.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="572"/>
        <source>打印这 %1 张标签…</source>
        <translation>Print these %1 labels…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="579"/>
        <source>“%1”的新标签</source>
        <translation>New labels of “%1”</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="133"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="134"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="135"/>
        <source>存放位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="136"/>
        <source>状况</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="137"/>
        <source>总数</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="138"/>
        <source>可借</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="139"/>
        <source>借出</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="140"/>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="141"/>
        <source>维修中</source>
        <translation>In repair</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="178"/>
        <source>可借的只剩 %1%2，到了补货提醒（%3）</source>
        <translation>Only %1 %2 available: at the restock alert (%3)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="184"/>
        <source>逐件编号</source>
        <translation>One by one</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_items.py" line="184"/>
        <source>按数量</source>
        <translation>By quantity</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../center_app/ui/workers.py" line="76"/>
        <source>操作没有完成：程序遇到一个意外错误（详细信息见提示窗口）。</source>
        <extracomment>what the work gets to report with: ``progress(percent, text=&quot;&quot;)``; percent -1 = length unknown (a busy bar)</extracomment>
        <translation>The operation did not finish: the program met an unexpected error (details are in the message window).</translation>
    </message>
</context>
<context>
    <name>LanguageStep</name>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="219"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/steps.py" line="223"/>
        <source>程序用哪种语言显示？选好马上生效，以后可以在“设置”里改。用方向键选择，按回车继续。</source>
        <translation>Which language should the program use? It applies at once and can be changed later in Settings. Choose with the arrow keys and press Enter.</translation>
    </message>
</context>
<context>
    <name>LoanRulesTab</name>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="109"/>
        <source>借阅规则</source>
        <translation>Loan rules</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="112"/>
        <source>按年级规定每人最多可借几本、借多少天、可续借几次。每个年级只能属于一条规则。修改后从下一次借书起生效，已借出的书应还日期不变。</source>
        <translation>For each range of grades: how many books a child may hold, for how many days, and how many renewals. Each grade belongs to one rule only. Changes apply from the next loan; books already lent keep their due dates.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="130"/>
        <source>年级从</source>
        <translation>From grade</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="131"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="132"/>
        <source>每人最多</source>
        <translation>Books per child</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="133"/>
        <source>借期（天）</source>
        <translation>Loan period (days)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="134"/>
        <source>可续借次数</source>
        <translation>Renewals allowed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="153"/>
        <source>添加规则</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="156"/>
        <source>删除选中的规则</source>
        <translation>Remove selected rule</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="159"/>
        <source>双击或按 F2 修改单元格。</source>
        <translation>Double-click or press F2 to change a cell.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="167"/>
        <source>有逾期不能再借（先还逾期的书，才能借新书）</source>
        <translation>Block new loans while a book is overdue (return it first)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="172"/>
        <source>逾期的书也可以续借（续借后就不再算逾期，可以接着借新书）</source>
        <translation>Overdue books may be renewed too (once renewed they no longer count as overdue, so the child may borrow again)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="182"/>
        <source>保存借阅规则(&amp;S)</source>
        <translation>&amp;Save loan rules</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="207"/>
        <source>只有管理员可以修改借阅规则和闭馆日。</source>
        <translation>Only an administrator can change the loan rules and closed days.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="210"/>
        <source>闭馆日</source>
        <translation>Closed days</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="214"/>
        <source>应还日期落在闭馆日（节假日、放假）时，顺延到下一个开放日。添加或删除后立即保存。</source>
        <translation>A due date that falls on a closed day (holiday) moves to the next open day. Adding or removing a day saves at once.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="220"/>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="225"/>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="243"/>
        <source>原因，如：国庆节</source>
        <translation>Reason, e.g. National Day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="250"/>
        <source>添加闭馆日</source>
        <translation>Add closed day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="253"/>
        <source>删除选中的闭馆日</source>
        <translation>Remove selected days</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="336"/>
        <source>已添加一行，请改好年级范围后保存。</source>
        <translation>Row added: set its grades, then save.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="341"/>
        <source>请先选中要删除的规则。</source>
        <translation>Select the rule to remove first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="345"/>
        <source>已删除一行，保存后生效。</source>
        <translation>Row removed; it takes effect when you save.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="371"/>
        <source>已保存。新规则从下一次借书起生效，已借出的书应还日期不变。</source>
        <translation>Saved. The new rules apply from the next loan; books already lent keep their due dates.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="421"/>
        <source>已保存闭馆日：%1</source>
        <translation>Closed day saved: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="430"/>
        <source>请先在列表中选中要删除的闭馆日。</source>
        <translation>Select the closed days to remove in the list first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="433"/>
        <source>已删除 %1 个闭馆日。</source>
        <translation>%1 closed days removed.</translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <location filename="../../center_app/ui/login.py" line="140"/>
        <source>已锁定：%1</source>
        <extracomment>a scanner&apos;s burst + Enter in the fields, told from typing; its clock is the seam tests move by hand. Only the centre&apos;s own barcodes count as scans: a fast password of any other shape still signs in.</extracomment>
        <translation>Locked: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="141"/>
        <source>输入密码继续使用；换人使用时，请输入自己的用户名和密码。</source>
        <translation>Type the password to continue; someone else can sign in with their own user name and password.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="143"/>
        <source>请登录</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="160"/>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="161"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="166"/>
        <source>登录(&amp;L)</source>
        <translation>Sign &amp;in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="214"/>
        <source>请先登录再扫码</source>
        <translation>Please sign in before scanning</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="219"/>
        <source>屏幕已锁定，请先登录再扫码。已记下 %1，登录后自动办理。</source>
        <translation>The screen is locked: please sign in before scanning. %1 has been noted and will be processed after sign-in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="222"/>
        <source>屏幕已锁定，请先登录再扫码</source>
        <translation>The screen is locked: please sign in before scanning</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="240"/>
        <source>请输入用户名。</source>
        <translation>Please type your user name.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="244"/>
        <source>请输入密码。</source>
        <translation>Please type your password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="174"/>
        <source>首页</source>
        <extracomment>a scan kept by the lock screen in 借还台模式 is done after sign-in only if it is at most this old emitted once, when the first page has been filled with data and the window is shown emitted after the user picked another language and the window was rebuilt in it</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="175"/>
        <source>图书</source>
        <translation>Books</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="176"/>
        <source>借还台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="177"/>
        <source>儿童</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="179"/>
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="181"/>
        <source>器材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="184"/>
        <source>志愿者与课表</source>
        <translation>Volunteers &amp; timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="187"/>
        <source>活动与报表</source>
        <translation>Activities &amp; reports</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="190"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="225"/>
        <source>儿童之家管理系统</source>
        <translation>Children&apos;s Centre Manager</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="226"/>
        <source>数据文件夹：%1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="227"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="228"/>
        <source>版本和许可证 (F1)</source>
        <translation>Version and licences (F1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="383"/>
        <source>请先修改密码</source>
        <translation>change your password first</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="385"/>
        <source>已超过 %1 分钟</source>
        <translation>more than %1 minutes ago</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="394"/>
        <source>当前账号不能在这一页办理</source>
        <translation>this account cannot process it on this page</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="396"/>
        <source>锁屏时扫的 %1 没有办理（%2），请重新扫码。</source>
        <translation>%1, scanned while the screen was locked, was not processed (%2). Please scan it again.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="415"/>
        <source>演示数据已清空。</source>
        <translation>The demo data has been cleared.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="417"/>
        <source>清空前的数据已备份为 %1。</source>
        <translation>The data as it was before clearing was backed up as %1.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="419"/>
        <source>请创建正式的管理员账号。</source>
        <translation>Please create the real administrator account.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="421"/>
        <source>请用管理员账号登录。</source>
        <translation>Please sign in with an administrator account.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="489"/>
        <source>%1，请等它完成后再关闭程序。</source>
        <translation>%1. Please wait for it to finish before closing the program.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="510"/>
        <source>当前用户：%1（%2）  Ctrl+L 锁定</source>
        <translation>Signed in: %1 (%2)   Ctrl+L locks</translation>
    </message>
</context>
<context>
    <name>MonthPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="163"/>
        <source>月份：</source>
        <extracomment>a donor&apos;s id, or a name typed that matches no donor listed (the service&apos;s refusal says why)</extracomment>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="176"/>
        <source>%1年%2月</source>
        <translation>%2/%1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="178"/>
        <source>（本月，统计到今天）</source>
        <translation>(this month, counted up to today)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="200"/>
        <source>%1年%2月 月度工作报告</source>
        <translation>Monthly report %2/%1</translation>
    </message>
</context>
<context>
    <name>MonthlyModel</name>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="55"/>
        <source>出勤人数</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="55"/>
        <source>缺勤人数</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="55"/>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="72"/>
        <source>出勤率</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="65"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="66"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="68"/>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="69"/>
        <source>缺勤</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="70"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="71"/>
        <source>请假</source>
        <translation>Excused</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="94"/>
        <source>这一天还没点名</source>
        <translation>No roll call taken this day</translation>
    </message>
</context>
<context>
    <name>MonthlyRegisterPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="190"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="200"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="204"/>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="290"/>
        <source>全部班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="208"/>
        <source>打印 PDF</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="210"/>
        <source>打印</source>
        <translation>print</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="211"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="213"/>
        <source>导出</source>
        <translation>export</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="348"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="349"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="278"/>
        <source>这个月没有儿童的考勤记录。</source>
        <translation>No attendance records for this month.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="322"/>
        <source>出勤率 %1&#x3000;出勤 %2 人次 · 缺勤 %3 · 迟到 %4 · 请假 %5&#x3000;·&#x3000;点名 %6 / %7 天 · %8 名儿童</source>
        <translation>Rate %1&#x3000;present %2 · absent %3 · late %4 · excused %5&#x3000;·&#x3000;roll taken %6 / %7 days · %8 children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="344"/>
        <source>%1 含 %2 名儿童的姓名和考勤，属于个人信息。确定要%3吗？（会记录在审计日志中）</source>
        <translation>%1 holds the names and attendance of %2 children: personal data. Really %3 it? (It is recorded in the audit log.)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="370"/>
        <source>已生成考勤表：%1</source>
        <translation>Register written: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="389"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="396"/>
        <source>导出考勤表</source>
        <translation>Export the register</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/monthly_register_view.py" line="396"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../center_app/ui/operations.py" line="59"/>
        <source>无法写入 %1（%2）。如果这个文件正在别的程序中打开，请先关闭再试。</source>
        <extracomment>how a change is announced: ``DataEvents.announce``, or a page&apos;s own (``Page.announce``) where a refusal is shown: a message label, or a callable given the error (``problem_text``, a sound…)</extracomment>
        <translation>Cannot write %1 (%2). If the file is open in another program, close it and try again.</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="54"/>
        <source>逾期未还</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="58"/>
        <source>班级：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="68"/>
        <source>打印催还单</source>
        <translation>Print overdue slips</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="72"/>
        <source>返回借还</source>
        <translation>Back to the desk</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="84"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="85"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="86"/>
        <source>书名</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="87"/>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="88"/>
        <source>应还日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="89"/>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="90"/>
        <source>监护人/电话</source>
        <translation>Guardian / phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="111"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="113"/>
        <source>（未填班级）</source>
        <translation>(no class)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_overdue.py" line="149"/>
        <source>共 %1 名儿童、%2 本书逾期</source>
        <translation>%1 children, %2 books overdue</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="106"/>
        <source>图书品种</source>
        <extracomment>emitted when the charts and warnings (filled after the counts) are up to date a link to another page was followed: its objectName (the main window shows it, ``show_page``)</extracomment>
        <translation>Book titles</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="107"/>
        <source>馆藏图书（册）</source>
        <translation>Book copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="108"/>
        <source>在借图书</source>
        <translation>Books on loan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="109"/>
        <source>逾期未还</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="110"/>
        <source>在册儿童</source>
        <translation>Children enrolled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="111"/>
        <source>今日到场</source>
        <translation>Here today</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="112"/>
        <source>器材种类</source>
        <translation>Equipment items</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="113"/>
        <source>借出器材（件）</source>
        <translation>Equipment out (pieces)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="114"/>
        <source>志愿者</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="115"/>
        <source>本月活动</source>
        <translation>Activities this month</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="132"/>
        <source>近12个月借阅（册次）</source>
        <translation>Loans in the last 12 months</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="134"/>
        <location filename="../../center_app/ui/pages/overview.py" line="218"/>
        <source>还没有借阅记录</source>
        <translation>No loans yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="163"/>
        <source>提示：按 Ctrl+1 至 Ctrl+9 切换页面；Ctrl+2 是图书，Ctrl+3 是借还台。</source>
        <translation>Tip: Ctrl+1 to Ctrl+9 switch pages; Ctrl+2 is Books, Ctrl+3 is the Desk.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="172"/>
        <source>今天是 %1</source>
        <translation>Today is %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="206"/>
        <source>%1月</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="213"/>
        <source>最受欢迎的图书（近一年）</source>
        <translation>Most borrowed (last 12 months)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="214"/>
        <source>次</source>
        <translation>loans</translation>
    </message>
</context>
<context>
    <name>PastStocktakesModel</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="378"/>
        <source>开始</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="378"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="378"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="378"/>
        <source>已清点</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="378"/>
        <source>结束</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="393"/>
        <source>盘点中</source>
        <extracomment>the words for a stocktake&apos;s scope (the tab gives its translated wording)</extracomment>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="394"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="395"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_preview.py" line="65"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_preview.py" line="72"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_preview.py" line="78"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_preview.py" line="80"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_preview.py" line="81"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_preview.py" line="94"/>
        <source>在左边选好报表和它的月份、捐赠方或日期，按“预览”（F5）在这里看生成的报表；满意了再打印、另存为 PDF 或导出 Excel。</source>
        <translation>Choose a report on the left with its month, donor or dates and press “Preview” (F5) to see it here; then print it, save it as PDF or export it to Excel.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_preview.py" line="165"/>
        <source>第 %1 页 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>PeopleEditor</name>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="70"/>
        <location filename="../../center_app/ui/pages/child_people.py" line="80"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="71"/>
        <location filename="../../center_app/ui/pages/child_people.py" line="81"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="72"/>
        <location filename="../../center_app/ui/pages/child_people.py" line="82"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="73"/>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="74"/>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="75"/>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="76"/>
        <source>主要</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="107"/>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="110"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="113"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="136"/>
        <source>如 祖母、外公</source>
        <translation>e.g. grandmother</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="140"/>
        <source>主要监护人</source>
        <translation>Main guardian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="143"/>
        <source>岁</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="145"/>
        <source>手机或带区号的座机</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="153"/>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="161"/>
        <location filename="../../center_app/ui/pages/child_people.py" line="244"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="164"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_people.py" line="234"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="161"/>
        <source>期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="165"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="176"/>
        <source>本月</source>
        <extracomment>where the presets are (the caller may add one of its own): beside the dates, or on a row below</extracomment>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="177"/>
        <source>本学期</source>
        <translation>This term</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="178"/>
        <source>暑期</source>
        <translation>Summer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="188"/>
        <source>学期课表的日期；没有学期课表时按春季 2–6 月、秋季 9–1 月</source>
        <translation>The term timetable&apos;s dates; without one, spring Feb–Jun or autumn Sep–Jan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="189"/>
        <source>今年暑期课表的日期；没有时按 7–8 月</source>
        <translation>This year&apos;s summer timetable dates; without one, July–August</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="71"/>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="135"/>
        <source>添加照片</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="73"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="87"/>
        <source>照片说明，如 孩子们在读绘本</source>
        <translation>Caption, e.g. children reading picture books</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="90"/>
        <source>勾选照片里的儿童（没有儿童就不勾）：</source>
        <translation>Tick the children in the photo (none if no child is in it):</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="94"/>
        <source>找儿童：姓名、拼音首字母、班级</source>
        <translation>Find a child: name, pinyin initials, class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="110"/>
        <source>保存照片(&amp;S)</source>
        <translation>&amp;Save photo</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="115"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="142"/>
        <source>“%1”不是能识别的照片文件（请选 JPG 或 PNG 照片）。</source>
        <translation>“%1” is not a photo file that can be read (choose a JPG or PNG photo).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="149"/>
        <source>核对照片里的儿童</source>
        <translation>Check the children in the photo</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="174"/>
        <source> · 出勤</source>
        <translation> · present</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="176"/>
        <source> · 未同意拍照</source>
        <translation> · no photo consent</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="185"/>
        <source>监护人还没有签字同意拍照：有这个孩子的照片不会印在报告里</source>
        <translation>The guardian has not signed the photo consent: photos with this child will not be printed in reports</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="222"/>
        <source>%1 的监护人还没有同意拍照：这张照片会保存，但不会印在活动报告里。</source>
        <translation>%1: no photo consent from the guardian yet. The photo will be kept but not printed in the activity report.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="229"/>
        <source>已勾选 %1 名儿童，都同意拍照：这张照片可以印在活动报告里。</source>
        <translation>%1 children ticked, all with photo consent: this photo can be printed in the activity report.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/activities_photo.py" line="233"/>
        <source>没有勾选儿童：照片里没有孩子时（如布置好的教室、作品），可以印在报告里。</source>
        <translation>No child ticked: a photo without children (a prepared room, artwork) can be printed in the report.</translation>
    </message>
</context>
<context>
    <name>PrintBar</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="49"/>
        <source>打印课表 PDF</source>
        <extracomment>what to print: (view, key) as ``volunteers.write_timetable_pdf`` takes them</extracomment>
        <translation>Print timetable PDF</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="63"/>
        <source>我的课表</source>
        <translation>My timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="65"/>
        <source>全中心</source>
        <translation>Whole centre</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="67"/>
        <source>当前显示的：%1</source>
        <translation>Shown: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="68"/>
        <source>每位志愿者一页</source>
        <translation>A page per volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="69"/>
        <source>每间教室一页</source>
        <translation>A page per room</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="70"/>
        <source>每个班级一页</source>
        <translation>A page per class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="85"/>
        <source>当前显示的：</source>
        <translation>Shown: </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="100"/>
        <source>正在生成课表 PDF……</source>
        <translation>Making the timetable PDF…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_print.py" line="108"/>
        <source>已生成课表：%1</source>
        <translation>Timetable written: %1</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="107"/>
        <source>打印书标和借书证</source>
        <extracomment>builds the spine labels for these barcodes (unknown barcodes are left out) what a print wrote: (PDF, labels or cards, the sheet result, a note for the message, card numbers given out)</extracomment>
        <translation>Print spine labels and library cards</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="108"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="115"/>
        <source>书标</source>
        <translation>Spine labels</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="117"/>
        <source>借书证</source>
        <translation>Library cards</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="121"/>
        <source>借书证上有儿童姓名，只有图书管理员、社工和管理员可以打印。</source>
        <translation>Library cards carry children&apos;s names: only librarians, social workers and administrators may print them.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="149"/>
        <source>白纸试印（画出格线）</source>
        <translation>Trial on plain paper (draw the grid)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="152"/>
        <source>先用白纸试印，叠在标签纸上对着光看是否对齐；试印不计入标签纸的用量。</source>
        <translation>Print on plain paper first and hold it against a label sheet to the light to check the alignment; a trial does not use up labels.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="154"/>
        <source>标签纸：</source>
        <translation>Label sheet:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="155"/>
        <source>起始格：</source>
        <translation>Start at:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="157"/>
        <source>右图：灰色是用过的格，蓝色是这次要打印的；点一格就从那里开始。</source>
        <translation>Right: grey labels are used, blue ones will be printed now; click a label to start there.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="173"/>
        <source>生成 PDF 并打开(&amp;P)</source>
        <translation>Make the &amp;PDF and open it</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="204"/>
        <source>打印哪些书：</source>
        <translation>Which books:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="215"/>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="219"/>
        <source>条码范围：</source>
        <translation>Barcodes:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="259"/>
        <source>%1（%2 张）</source>
        <translation>%1 (%2 labels)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="263"/>
        <source>本次新登记、还没打印书标的 %1 册</source>
        <translation>%1 copies catalogued this session, labels not printed yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="269"/>
        <source>选中的书《%1》的全部 %2 册</source>
        <translation>All %2 copies of the selected book “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="272"/>
        <source>按条码范围…</source>
        <translation>A barcode range…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="483"/>
        <source>未分班</source>
        <translation>No class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="374"/>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="431"/>
        <source>张借书证</source>
        <translation>library cards</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="374"/>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="431"/>
        <source>张书标</source>
        <translation>spine labels</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="376"/>
        <source>还没有选择要打印的内容。</source>
        <translation>Nothing chosen to print yet.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="379"/>
        <source>共 %1 %2，用 %3 张标签纸。</source>
        <translation>%1 %2 on %3 label sheets.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="433"/>
        <source>已生成 %1：%2 %3，%4 页。</source>
        <translation>Made %1: %2 %3, %4 pages.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="440"/>
        <source>这是试印（画了格线），标签纸的用量不变。</source>
        <translation>This is a trial (with the grid drawn); the label sheet count is unchanged.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="443"/>
        <source>放好标签纸后从 PDF 阅读器打印（“实际大小”，不要“适合页面”）。</source>
        <translation>Load the label sheet and print from the PDF reader at “Actual size”, not “Fit to page”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="457"/>
        <source>没有找到这些条码的书，没有生成 PDF。</source>
        <translation>No books have these barcodes; no PDF was made.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="465"/>
        <source>新登记</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="475"/>
        <source>有 %1 个条码没有对应的书，已跳过。</source>
        <translation>%1 barcodes belong to no book and were skipped.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_print.py" line="490"/>
        <source>新发了 %1 个借书证号。</source>
        <translation>%1 new card numbers were given out.</translation>
    </message>
</context>
<context>
    <name>ProgrammeForm</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="57"/>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="149"/>
        <source>新建课表</source>
        <translation>New timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="72"/>
        <source>如：2026年秋季学期</source>
        <translation>e.g. Autumn term 2026</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="73"/>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="92"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="76"/>
        <source>学期课表（每周）</source>
        <translation>Term timetable (weekly)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="76"/>
        <source>暑期课表</source>
        <translation>Summer programme</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="78"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="86"/>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="92"/>
        <source>开始</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="87"/>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="92"/>
        <source>结束</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="89"/>
        <source>每天的节次（课表的行）：</source>
        <translation>The day&apos;s periods (the timetable&apos;s rows):</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="100"/>
        <source>加一节</source>
        <translation>Add a period</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="103"/>
        <source>删去所选的节</source>
        <translation>Remove the chosen period</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="110"/>
        <source>改动后有新的冲突。确需这样安排，请填写理由再保存：</source>
        <translation>The change makes new clashes. If it must be so, give a reason and save again:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="114"/>
        <source>理由（会记入审计日志）</source>
        <translation>Reason (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="119"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="122"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="159"/>
        <source>修改课表</source>
        <translation>Edit timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="199"/>
        <source>第%1节</source>
        <translation>Period %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="223"/>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_programme.py" line="228"/>
        <source>节次的时间有误。</source>
        <translation>A period&apos;s time is wrong.</translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="302"/>
        <source>选一个课表，期间就是它的起止日期；也可以自己改日期</source>
        <translation>Choose a timetable: the period is its dates; you may also change the dates</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="305"/>
        <source>课表：</source>
        <translation>Timetable:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="321"/>
        <source>（自己选日期）</source>
        <translation>(choose dates)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="365"/>
        <source>学期/暑期总结</source>
        <translation>Term/summer summary</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab_params.py" line="368"/>
        <source>%1 项目总结（%2）</source>
        <translation>%1 programme summary (%2)</translation>
    </message>
</context>
<context>
    <name>PromotePanel</name>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="46"/>
        <source>全体升一级</source>
        <translation>Everyone up a grade</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="53"/>
        <source>确实需要再升一次</source>
        <translation>Yes, promote everyone again</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="58"/>
        <source>确认全体升一级</source>
        <translation>Move everyone up a grade</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="59"/>
        <source>不升级</source>
        <translation>Don&apos;t promote</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="87"/>
        <source>注意：%1 已经全体升过一次年级（%2 操作）。每学年只需升级一次。</source>
        <translation>Note: everyone already moved up a grade on %1 (by %2). Once per school year is enough.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="109"/>
        <source>每学年开学时做一次：所有在册儿童升一个年级，班级名随之改变（三年级2班 → 四年级2班，六年级1班 → 初一1班）。</source>
        <translation>Done once at the start of each school year: every child on the roster moves up a grade and the class name follows (Grade 3 Class 2 → Grade 4 Class 2, Grade 6 Class 1 → Junior 1 Class 1).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="113"/>
        <source>升一个年级：%1 名儿童</source>
        <translation>Moving up a grade: %1 children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="119"/>
        <source>初三毕业离开：%1 名（设为“已离开”）</source>
        <translation>Finishing junior 3 and leaving: %1 (set to “left”)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="124"/>
        <source>没有初三儿童，没有人离开。</source>
        <translation>No junior 3 children; nobody leaves.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="126"/>
        <source>没有填写年级的 %1 名儿童不变。</source>
        <translation>%1 children without a grade stay as they are.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="130"/>
        <source>升入一年级或初一的 %1 名儿童，升级后请核对班级和学校。</source>
        <translation>%1 children move into grade 1 or junior 1: check their class and school afterwards.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="135"/>
        <source>升级后可以撤销（在有人修改这些儿童的档案之前）。</source>
        <translation>The promotion can be undone (until someone edits these children&apos;s profiles).</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../center_app/ui/pages/reports.py" line="41"/>
        <source>活动与报表</source>
        <translation>Activities &amp; reports</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports.py" line="42"/>
        <source>活动记录</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports.py" line="43"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="141"/>
        <source>另存为 PDF</source>
        <extracomment>this tab takes no scans</extracomment>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="141"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="144"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="144"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="183"/>
        <source>报表由管理员和社工打印、导出。%1</source>
        <translation>Reports are printed and exported by administrators and social workers. %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="198"/>
        <source>选择报表</source>
        <translation>Choose a report</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="204"/>
        <source>月度工作报告</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="205"/>
        <source>捐赠方报告</source>
        <translation>Donor report</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="206"/>
        <source>学期或暑期总结</source>
        <translation>Term or summer summary</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="207"/>
        <source>单次活动报告</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="240"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="241"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="242"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="244"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="312"/>
        <source>给民政局的月度统计：服务儿童、开放与出勤、活动、图书借阅、器材、志愿服务、回访。只有人数，不含儿童姓名。</source>
        <translation>The monthly figures for the civil-affairs bureau: children served, open days and attendance, activities, books lent, equipment, volunteer service, follow-ups. Counts only, no child&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="314"/>
        <source>一个捐赠方捐了哪些图书和器材，以及它们在一段时间里借阅、使用的情况。</source>
        <translation>What a donor gave (books and equipment) and how it was borrowed and used over a period.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="315"/>
        <source>一个学期或暑期项目的总结：课表、每周出勤、活动、志愿者和服务时长。</source>
        <translation>A summary of a term or summer programme: timetable, weekly attendance, activities, volunteers and service hours.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="316"/>
        <source>一次活动的详情、出勤名单、照片、反思和签名栏。名单上有儿童姓名，请妥善保管。</source>
        <translation>One activity&apos;s details, attendance list, photos, reflection and signature lines. The list has children&apos;s names: keep it safe.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="337"/>
        <source>%1 · %2 页</source>
        <translation>%1 · %2 pages</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="339"/>
        <source>（这是之前选的报表；按“预览”看现在选的）</source>
        <translation>(this is the report chosen before; press “Preview” to see the one chosen now)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="382"/>
        <source>没有完成。</source>
        <translation>Not done.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="412"/>
        <source>生成的 PDF 无法显示：%1</source>
        <translation>The PDF made cannot be shown: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="421"/>
        <source>已生成预览：%1，共 %2 页。</source>
        <translation>Preview ready: %1, %2 pages.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="429"/>
        <source>正在生成报表…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="448"/>
        <source>没有打印。</source>
        <translation>Not printed.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="461"/>
        <source>已送往打印机“%1”：%2，%3 页。</source>
        <translation>Sent to printer “%1”: %2, %3 pages.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="468"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="493"/>
        <source>已保存 PDF：%1（%2 页）。</source>
        <translation>PDF saved: %1 (%2 pages).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="497"/>
        <source>正在保存 PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="520"/>
        <source>已导出 Excel：%1（%2 行）。</source>
        <translation>Excel exported: %1 (%2 rows).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/reports_tab.py" line="524"/>
        <source>正在导出 Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../center_app/ui/dialogs/reset_password.py" line="30"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/reset_password.py" line="36"/>
        <source>为 %1 设置一个临时密码。对方下次登录时必须改成自己的密码。</source>
        <translation>Set a temporary password for %1. They must change it at their next sign-in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/reset_password.py" line="48"/>
        <source>临时密码：</source>
        <translation>Temporary password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/reset_password.py" line="56"/>
        <source>重置(&amp;R)</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/reset_password.py" line="60"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RollCallModel</name>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="85"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="85"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="85"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="85"/>
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="85"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="178"/>
        <source>签到 %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="180"/>
        <source>签退 %1</source>
        <translation>out %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="200"/>
        <source>未点</source>
        <translation>not marked</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/roll_call_model.py" line="231"/>
        <source>未保存：按 Ctrl+S 保存</source>
        <translation>Not saved: press Ctrl+S</translation>
    </message>
</context>
<context>
    <name>RollCallPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="197"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="207"/>
        <source>点名表</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="217"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="221"/>
        <location filename="../../center_app/ui/pages/roll_call.py" line="370"/>
        <source>全部班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="224"/>
        <source>全部出勤 (Alt+A)</source>
        <translation>All present (Alt+A)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="229"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="483"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="483"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="265"/>
        <source>当天考勤（全天）</source>
        <translation>Day register (whole day)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="294"/>
        <source>有 %1 名儿童的考勤还没有保存。切换前要保存吗？</source>
        <translation>%1 children&apos;s marks are not saved yet. Save before switching?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="295"/>
        <source>保存后切换</source>
        <translation>Save and switch</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="296"/>
        <source>不保存，切换</source>
        <translation>Switch without saving</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="297"/>
        <source>留在这里</source>
        <translation>Stay here</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="361"/>
        <source>你可以查看这张点名表，但不能修改（只能为自己负责的课程点名）。</source>
        <translation>You may view this register but not change it (only the sessions you lead).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="387"/>
        <source>空格 %1</source>
        <translation>Space %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="388"/>
        <source>⌫ 清除&#x3000;↑↓ 上下&#x3000;Ctrl+S 保存</source>
        <translation>⌫ clear&#x3000;↑↓ move&#x3000;Ctrl+S save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="423"/>
        <source>“%1”不是考勤键。</source>
        <translation>&quot;%1&quot; is not an attendance key. </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="431"/>
        <source>这张点名表不能修改。</source>
        <translation>This register cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="474"/>
        <source>没有还没点名的儿童。</source>
        <translation>Every child is marked already.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="479"/>
        <source>把 %1 名还没点名的儿童记为“%2”？已经点过的不变。</source>
        <translation>Mark the %1 children not marked yet as &quot;%2&quot;? Children already marked stay as they are.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="491"/>
        <source>已把 %1 人记为“%2”，按 Ctrl+S 保存。</source>
        <translation>%1 children marked &quot;%2&quot;; press Ctrl+S to save.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="535"/>
        <source>这节课缺勤 %1 人</source>
        <translation>%1 absent from this session</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="537"/>
        <source>今天缺勤 %1 人</source>
        <translation>%1 absent today</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="539"/>
        <source>这一天缺勤 %1 人</source>
        <translation>%1 absent that day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="639"/>
        <source>已显示最新保存的考勤；你还没保存的 %1 人不变，按 Ctrl+S 保存。</source>
        <translation>Showing the latest saved marks; your %1 unsaved marks are kept. Press Ctrl+S to save them.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="643"/>
        <source>已显示最新保存的考勤。</source>
        <translation>Showing the latest saved marks.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="589"/>
        <source>已保留别人保存的考勤。</source>
        <translation>Kept the marks the other person saved.</translation>
    </message>
</context>
<context>
    <name>RollCallStatus</name>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="60"/>
        <source>载入对方的考勤 (F5)</source>
        <extracomment>the notice&apos;s button: show what the other PC saved, keeping this PC&apos;s unsaved marks</extracomment>
        <translation>Load their marks (F5)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="62"/>
        <source>显示对方保存的考勤；你还没保存的不变</source>
        <translation>Show the marks the other PC saved; your unsaved marks stay</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="80"/>
        <source>另一台电脑也在点这张表，已于 %1 保存</source>
        <translation>Another PC is also taking this register; saved at %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="83"/>
        <source>%1正在点这张表，已于 %2 保存</source>
        <translation>%1 is taking this register; saved at %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="88"/>
        <source>别人正在点这张表，已于 %1 保存</source>
        <translation>Someone else is taking this register; saved at %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="109"/>
        <source>这节课还没点名</source>
        <translation>Roll not taken for this session yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="111"/>
        <source>今天还没点名</source>
        <translation>Roll not taken today yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="113"/>
        <source>这一天还没点名</source>
        <translation>No roll call taken this day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="116"/>
        <source>%1 点名</source>
        <translation>roll taken by %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="122"/>
        <source>最后保存：%1</source>
        <translation>last saved by %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="127"/>
        <source>不是开放日（如有活动仍可点名）</source>
        <translation>not an open day (the roll may still be taken for an event)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="130"/>
        <source>名单：最近几次来过这门课的孩子</source>
        <translation>list: the children who came to the last sessions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="135"/>
        <source>有人</source>
        <translation>someone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="144"/>
        <source>未点 %1 / %2</source>
        <translation>not marked %1 / %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="147"/>
        <source>未保存 %1 人</source>
        <translation>%1 not saved</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="91"/>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="341"/>
        <source>新增课程</source>
        <translation>New session</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="114"/>
        <source>如：绘本共读、书法</source>
        <translation>e.g. Picture-book reading, Calligraphy</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="115"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="119"/>
        <source>阅读</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="120"/>
        <source>作业辅导</source>
        <translation>Homework help</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="121"/>
        <source>美术</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="122"/>
        <source>音乐</source>
        <translation>Music</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="123"/>
        <source>体育</source>
        <translation>Sports</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="124"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="127"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="129"/>
        <source>主讲</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="135"/>
        <source>空格勾选一起上课的志愿者</source>
        <translation>Space ticks the volunteers teaching with the lead</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="136"/>
        <source>助教</source>
        <translation>Helpers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="138"/>
        <source>教室</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="141"/>
        <source>如：三年级2班、1-3年级</source>
        <translation>e.g. Grade 3 Class 2, Grades 1-3</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="142"/>
        <source>对象</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="145"/>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="147"/>
        <source>只上一次</source>
        <translation>Once</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="156"/>
        <source>上课</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="160"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="161"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="162"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="163"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="164"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="165"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="166"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="169"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="174"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="181"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="200"/>
        <source>仍然保存</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="202"/>
        <source>确需这样安排时勾选，并写明理由；会记入审计日志</source>
        <translation>Tick only if it must be so, and give the reason; it is recorded in the audit log</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="205"/>
        <source>理由（如：两组合并上课）</source>
        <translation>Reason (e.g. two groups taught together)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="208"/>
        <source>有冲突的安排只有社工和管理员可以保存。</source>
        <translation>Only social workers and administrators can save a clash.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="217"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="220"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="285"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="289"/>
        <source>%1（已停用）</source>
        <translation>%1 (inactive)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="302"/>
        <source>（不用教室）</source>
        <translation>(no room)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="340"/>
        <source>其他时间</source>
        <translation>Other times</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="360"/>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="365"/>
        <source>修改课程</source>
        <translation>Edit session</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="399"/>
        <source>每周：在“%1”的日期内（%2–%3）每周上课。</source>
        <translation>Weekly: every week within “%1” (%2–%3).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="468"/>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="482"/>
        <source>……还有 %1 处</source>
        <translation>…and %1 more</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="484"/>
        <source>有 %1 处冲突：</source>
        <translation>%1 clash(es):</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="520"/>
        <source>有冲突，不能保存：请换个时间、教室或志愿者。</source>
        <translation>It clashes and cannot be saved: choose another time, room or volunteer.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_form.py" line="526"/>
        <source>有冲突，没有保存。请换个时间、教室或志愿者；确需这样安排，请勾选“仍然保存”并填写理由。</source>
        <translation>It clashes; not saved. Choose another time, room or volunteer; if it must be so, tick “Save anyway” and give a reason.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="46"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="53"/>
        <source>中心信息与语言</source>
        <translation>Centre and language</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="61"/>
        <source>中心名称：</source>
        <translation>Centre name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="62"/>
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="63"/>
        <source>电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="64"/>
        <source>联系人：</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="70"/>
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="74"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="88"/>
        <source>数据文件夹：%1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="90"/>
        <source>版本：%1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="109"/>
        <source>只有管理员可以修改这些设置。</source>
        <translation>Only an administrator can change these settings.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="116"/>
        <source>用户账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="120"/>
        <source>借阅规则与闭馆日</source>
        <translation>Loan rules and closed days</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="124"/>
        <source>考勤代码</source>
        <translation>Attendance codes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="132"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="136"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="196"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SheetPreview</name>
    <message>
        <location filename="../../center_app/ui/widgets/sheet_preview.py" line="27"/>
        <source>点击一格，从那一格开始打印</source>
        <translation>Click a label to start printing there</translation>
    </message>
</context>
<context>
    <name>StartStep</name>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="159"/>
        <source>开始使用</source>
        <extracomment>the import kinds offered, in order: (objectName suffix, the page&apos;s ImportKind, made when first opened)</extracomment>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="162"/>
        <source>中心已经有的东西，怎样放进程序？用方向键选择，按回车继续。</source>
        <translation>How should what the centre already has get into the program? Choose with the arrow keys and press Enter.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="165"/>
        <source>导入已有的表格(&amp;I)</source>
        <translation>&amp;Import existing spreadsheets</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="166"/>
        <source>图书捐赠清单、儿童花名册、器材清单、志愿者名单（Excel 或 CSV），先预览再导入。</source>
        <translation>Book donation lists, children&apos;s rosters, equipment lists, volunteer lists (Excel or CSV), previewed before importing.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="169"/>
        <source>先看看演示中心(&amp;D)</source>
        <translation>Look at the &amp;demo centre first</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="171"/>
        <source>一个编出来的中心（4,000 多册图书、120 名儿童……），放在另一个文件夹里，完成设置后在另一个窗口打开。你的中心不会有演示数据。</source>
        <translation>A made-up centre (4,000+ books, 120 children…) in a separate folder, opened in another window when setup is finished. Your centre gets no demo data.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="176"/>
        <source>从空白开始(&amp;E)</source>
        <translation>Start &amp;empty</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="177"/>
        <source>以后在各页里一条一条登记，或者随时从各页导入表格。</source>
        <translation>Enter records one by one on each page later, or import spreadsheets from each page at any time.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="183"/>
        <source>正在生成演示中心… %p%</source>
        <translation>Making the demo centre… %p%</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="186"/>
        <source>选择要导入的表格。每个表格先预览，确认后导入；可以导入几个，也可以以后在各页导入。导入完了按“下一步”。</source>
        <translation>Choose a spreadsheet to import. Each one is previewed first and imported after you confirm; import as many as you like, or later from each page. When you are done, press “Next”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="192"/>
        <source>图书(&amp;1)…</source>
        <translation>Books (&amp;1)…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="192"/>
        <source>儿童(&amp;2)…</source>
        <translation>Children (&amp;2)…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="192"/>
        <source>器材(&amp;3)…</source>
        <translation>Equipment (&amp;3)…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="192"/>
        <source>志愿者(&amp;4)…</source>
        <translation>Volunteers (&amp;4)…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="320"/>
        <source>正在另一个文件夹里生成演示中心，请稍候……</source>
        <translation>Making the demo centre in a separate folder, please wait…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/first_run/start_step.py" line="329"/>
        <source>演示中心已准备好（%1），完成设置后会在另一个窗口打开。</source>
        <translation>The demo centre is ready (%1); it opens in another window when setup is finished.</translation>
    </message>
</context>
<context>
    <name>StocktakeCounting</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="80"/>
        <source>扫描器材上的编号；按数量的器材：输入点到的数目，按回车</source>
        <extracomment>a line of each kind, for the width of the result column inputs of the view that may keep the focus instead of the scanner input</extracomment>
        <translation>Scan the number on each piece; for equipment kept by quantity: type the number counted, Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="83"/>
        <source>在哪里清点</source>
        <translation>Where counted</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="91"/>
        <source>不注明</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="102"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="106"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="107"/>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="216"/>
        <source>还没找到</source>
        <translation>Not found yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="108"/>
        <source>多出或不在清单</source>
        <translation>Extra or not on the list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="109"/>
        <source>已找到</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="157"/>
        <source>点到</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="164"/>
        <source>记下数量</source>
        <translation>Record count</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="171"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="173"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="182"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="184"/>
        <source>确认结果…</source>
        <translation>Confirm result…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="186"/>
        <source>取消盘点…</source>
        <translation>Cancel stocktake…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="216"/>
        <source>没找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="253"/>
        <source>按数量的器材：扫描它的标签或在表中点选，再输入点到的数目。</source>
        <translation>Equipment kept by quantity: scan its label or click it in the table, then type the number counted.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="256"/>
        <source>选中：%1，应有 %2%3，已点 %4%3</source>
        <translation>Selected: %1, %2 %3 expected, %4 %3 counted</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="258"/>
        <source>选中：%1（%5），应有 %2%3，已点 %4%3</source>
        <translation>Selected: %1 (%5), %2 %3 expected, %4 %3 counted</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="273"/>
        <source>应有 %1 件，点到 %2 件：相符 %3 项，短缺 %4 项，多出或不在清单 %5 项</source>
        <translation>%1 pieces expected, %2 counted: %3 lines match, %4 short, %5 extra or not on the list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_count.py" line="275"/>
        <source>应有 %1 件，已点到 %2 件：相符 %3 项，还没找到或短缺 %4 项，多出或不在清单 %5 项</source>
        <translation>%1 pieces expected, %2 counted so far: %3 lines match, %4 not found yet or short, %5 extra or not on the list</translation>
    </message>
</context>
<context>
    <name>StocktakeFinish</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="74"/>
        <source>%1 件标为遗失</source>
        <translation>%1 pieces marked lost</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="78"/>
        <source>少的 %1 件记为遗失</source>
        <translation>the %1 missing pieces recorded as lost</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="80"/>
        <source>多出的 %1 件加入总数</source>
        <translation>the %1 extra pieces added to the totals</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="82"/>
        <source>%1 种数量改正（%2）</source>
        <translation>%1 quantities corrected (%2)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="87"/>
        <source>%1 件遗失的找回</source>
        <translation>%1 lost pieces found again</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="89"/>
        <source>清点结果与记录相符，器材记录不用改动</source>
        <translation>the count matches the records: nothing to change</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="92"/>
        <source>；%1 项不改动（不认识的编号、现在借出或送修的器材）</source>
        <translation>; %1 lines left unchanged (unknown numbers, equipment now lent or away for repair)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="106"/>
        <source>还有 %1 项没有清点，会按没找到处理。</source>
        <translation>%1 lines have not been counted and will be treated as not found. </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="111"/>
        <source>确认盘点结果：%1。%2确认后这次盘点结束，不能再清点；改动记入审计日志。</source>
        <translation>Confirm the stocktake result: %1. %2Once confirmed the stocktake ends and nothing more can be counted; the changes are recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="114"/>
        <source>确认并写入</source>
        <translation>Confirm and apply</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="115"/>
        <source>再看看</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="130"/>
        <source>盘点结果已写入：%1 件编号器材标为遗失，按数量的器材遗失 %2 件；找回编号器材 %3 件，按数量的器材 %4 件。</source>
        <translation>Stocktake applied: %1 numbered pieces marked lost, %2 pieces kept by quantity lost; %3 numbered pieces and %4 pieces kept by quantity found again.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="140"/>
        <source>没有改动：%1</source>
        <translation>Nothing changed: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="142"/>
        <source> 等 %1 项</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="156"/>
        <source>取消这次盘点？已点的记录会留在以往的盘点里，但结果不会写入器材记录。</source>
        <translation>Cancel this stocktake? What was counted stays among the past stocktakes, but the result is not applied to the equipment records.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="157"/>
        <source>取消盘点</source>
        <translation>Cancel stocktake</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="158"/>
        <source>继续盘点</source>
        <translation>Go on counting</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="171"/>
        <source>这次盘点已取消，器材记录没有改动。</source>
        <translation>The stocktake was cancelled; the equipment records are unchanged.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="185"/>
        <source>盘点结果</source>
        <translation>Stocktake result</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="200"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="205"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="216"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="216"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_finish.py" line="217"/>
        <source>导出盘点结果</source>
        <translation>Export stocktake result</translation>
    </message>
</context>
<context>
    <name>StocktakeLinesModel</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="97"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="98"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="99"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="100"/>
        <source>存放位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="101"/>
        <source>应有</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="102"/>
        <source>已点</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="103"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="211"/>
        <source>✓ 相符</source>
        <extracomment>what the lines add up to, kept up to date line by line (a scan must not add up 2,000 lines) expected lines scanned or counted so far (``已清点 n``), and whether this tab can tell that by itself (a line counted to 0 before the lines were loaded looks like one never counted: then it cannot) a finished stocktake: what was not found is missing (not &quot;not found yet&quot;)</extracomment>
        <translation>✓ Matches</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="214"/>
        <source>没找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="214"/>
        <source>还没找到</source>
        <translation>Not found yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="215"/>
        <source>少 %1</source>
        <translation>%1 short</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="217"/>
        <source>不在清单</source>
        <translation>Not on the list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_model.py" line="218"/>
        <source>多 %1</source>
        <translation>%1 extra</translation>
    </message>
</context>
<context>
    <name>StocktakeStart</name>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="40"/>
        <source>体育</source>
        <translation>Sports</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="41"/>
        <source>音乐</source>
        <translation>Music</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="42"/>
        <source>美术</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="43"/>
        <source>棋类</source>
        <translation>Board games</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="44"/>
        <source>电子</source>
        <translation>Electronics</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="45"/>
        <source>阅读角</source>
        <translation>Reading corner</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="46"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="51"/>
        <source>开始一次盘点</source>
        <translation>Start a stocktake</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="54"/>
        <source>开始时记下应该在器材室里的器材（借出和送修的不算）。然后逐件扫描编号，按数量的器材输入点到的数目。盘点中可以随时离开或关掉程序，下次打开接着点，已点的不会丢。</source>
        <translation>Starting records what should be in the equipment room (not what is lent or away for repair). Then scan each piece&apos;s number, and type the number counted for equipment kept by quantity. You can leave or close the app at any time during the stocktake and carry on next time: nothing counted is lost.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="65"/>
        <source>盘点范围</source>
        <translation>What to count</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="67"/>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="170"/>
        <source>全部器材</source>
        <translation>All equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="69"/>
        <source>一个存放位置</source>
        <translation>One place</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="71"/>
        <source>一个类别</source>
        <translation>One category</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="102"/>
        <source>备注（可不填），如：学期末盘点</source>
        <translation>Note (optional), e.g. end-of-term stocktake</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="105"/>
        <source>开始盘点</source>
        <translation>Start stocktake</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="118"/>
        <source>以往的盘点</source>
        <translation>Past stocktakes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="120"/>
        <source>查看结果</source>
        <translation>View result</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="166"/>
        <source>存放位置：%1</source>
        <translation>Place: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/equipment_stocktake_start.py" line="169"/>
        <source>类别：%1</source>
        <translation>Category: %1</translation>
    </message>
</context>
<context>
    <name>StoreRecoveryDialog</name>
    <message>
        <location filename="../../center_app/ui/dialogs/store_recovery.py" line="37"/>
        <source>中心的数据无法打开</source>
        <translation>The centre&apos;s data cannot be opened</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/store_recovery.py" line="43"/>
        <source>选择另一个数据文件夹</source>
        <extracomment>replaced in tests: asks for a folder, returns &quot;&quot; when cancelled</extracomment>
        <translation>Choose another data folder</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/store_recovery.py" line="50"/>
        <source>数据库文件“%1”已损坏，无法打开。</source>
        <translation>The database file “%1” is damaged and cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/store_recovery.py" line="63"/>
        <source>最新的完好备份：%1（%2）
其中有：%3

恢复前，损坏的文件会另存在 backups 文件夹里，不会被删除。</source>
        <translation>Newest sound backup: %1 (%2)
It holds: %3

Before restoring, the damaged file is kept in the backups folder; it is not deleted.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/store_recovery.py" line="70"/>
        <source>没有找到完好的备份。可以打开另一个数据文件夹，或退出后请技术支持帮忙。</source>
        <translation>No sound backup was found. You can open another data folder, or quit and ask technical support for help.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/store_recovery.py" line="75"/>
        <source>从这个备份恢复</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/store_recovery.py" line="79"/>
        <source>打开其他文件夹…</source>
        <translation>Open another folder…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/dialogs/store_recovery.py" line="82"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>TabbedPage</name>
    <message>
        <location filename="../../center_app/ui/pages/tabbed_page.py" line="58"/>
        <source>Ctrl+Tab 切换页签</source>
        <translation>Ctrl+Tab switches tabs</translation>
    </message>
</context>
<context>
    <name>TimetableActions</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="57"/>
        <source>你只能查看这节课；要调整，请联系社工。</source>
        <translation>You can only look at this session; to change it, ask a social worker.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="59"/>
        <source>你只能查看课表；要新增课程，请联系社工。</source>
        <translation>You can only look at the timetable; to add a session, ask a social worker.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="73"/>
        <source>这一天不在“%1”的日期内，不能排课。</source>
        <translation>This day is outside “%1”; no session can be placed here.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="126"/>
        <source>删除“%1”？每周的这节课都会删除（只停这一次请按 Ctrl+D）。已记录的服务时长会保留。</source>
        <translation>Delete “%1”? Every week&apos;s session is deleted (to cancel just once press Ctrl+D). Recorded service hours are kept.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="128"/>
        <source>删除“%1”（%2）？已记录的服务时长会保留。</source>
        <translation>Delete “%1” (%2)? Recorded service hours are kept.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="132"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="133"/>
        <source>不删</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="144"/>
        <source>已删除“%1”。</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="156"/>
        <source>只停 %1 这一次“%2”？以后照常上课。</source>
        <translation>Cancel “%2” on %1 only? Later weeks go ahead as usual.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="159"/>
        <source>停这一次课</source>
        <translation>Cancel this once</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="160"/>
        <source>不停</source>
        <translation>Don&apos;t cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="174"/>
        <source>%1 的“%2”停课了（只停这一次；Ctrl+D 可恢复）。</source>
        <translation>“%2” on %1 is cancelled (this once; Ctrl+D restores it).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="186"/>
        <source>这一次照常上课，没有要恢复的。</source>
        <translation>This one is held as planned; nothing to restore.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="197"/>
        <source>%1 的“%2”恢复照常上课。</source>
        <translation>“%2” on %1 is held as planned again.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="217"/>
        <source>这一次已经停课了；先按 Ctrl+D 恢复，再调课。</source>
        <translation>This one is cancelled; press Ctrl+D to restore it first, then move it.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="223"/>
        <source>%1 这一次的“%2”</source>
        <translation> “%2” of %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="229"/>
        <source>已剪下%1：用方向键到要放的格子，按 Ctrl+V 或回车放下；Esc 取消。</source>
        <translation>Cut %1: go to the box with the arrow keys and press Ctrl+V or Enter; Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="238"/>
        <source>已取消移动。</source>
        <translation>Move cancelled.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="244"/>
        <source>先选中一节课按 Ctrl+X 剪下，再到要放的格子按 Ctrl+V。</source>
        <translation>Pick a session and press Ctrl+X, then go to the box and press Ctrl+V.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="282"/>
        <source>已把 %1 这一次的“%2”调到 %3。</source>
        <translation>Moved “%2” of %1 to %3.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="311"/>
        <source>移到 %1 会冲突：可以改一改，或勾选“仍然保存”并写明理由。</source>
        <translation>Moving to %1 would clash: change it, or tick “Save anyway” and give a reason.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="315"/>
        <source>移到这里会冲突，没有移动。右边列出了冲突。</source>
        <translation>Moving it here would clash; not moved. The clashes are listed on the right.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="325"/>
        <source>已把“%2”移到 %3。</source>
        <translation>Moved “%2” to %3.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="364"/>
        <source>修改这节课…	回车</source>
        <translation>Edit this session…	Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="365"/>
        <source>移动这节课（每周）	Ctrl+X</source>
        <translation>Move this session (every week)	Ctrl+X</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="367"/>
        <source>只调这一次	Ctrl+Shift+X</source>
        <translation>Move this week only	Ctrl+Shift+X</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="369"/>
        <source>停这一次课…	Ctrl+D</source>
        <translation>Cancel this once…	Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="371"/>
        <source>恢复这一次	Ctrl+Shift+D</source>
        <translation>Restore this one	Ctrl+Shift+D</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="372"/>
        <source>删除这节课…	Delete</source>
        <translation>Delete this session…	Delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="375"/>
        <source>在这里新增课程…	Ctrl+N</source>
        <translation>Add a session here…	Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable_actions.py" line="377"/>
        <source>放到这里	Ctrl+V</source>
        <translation>Place here	Ctrl+V</translation>
    </message>
</context>
<context>
    <name>TitleDetailPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="92"/>
        <source>修改信息  F2</source>
        <extracomment>barcodes named in the question before deleting a title (more are counted, not listed)</extracomment>
        <translation>Edit  F2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="95"/>
        <source>删除这本书…</source>
        <translation>Delete this book…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="97"/>
        <source>只用于登记错了的书：连同它的每一册一起删除</source>
        <translation>Only for a book entered by mistake: deletes it with all its copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="124"/>
        <source>《%1》的新书标</source>
        <translation>New labels of “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="142"/>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="142"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="142"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="142"/>
        <source>捐赠批次</source>
        <translation>Donation batch</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="163"/>
        <source> 册</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="164"/>
        <source>加册</source>
        <translation>Add copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="167"/>
        <source>改状态…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="169"/>
        <source>把选中的一册登记为遗失、损坏、剔除，或找回后改回在馆</source>
        <translation>Mark the selected copy lost, damaged or withdrawn, or back on the shelf when found</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="172"/>
        <source>删除这一册…</source>
        <translation>Delete this copy…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="174"/>
        <source>只用于登记错了的一册；不再要的书请“剔除”</source>
        <translation>Only for a copy entered by mistake; withdraw books you no longer want</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="203"/>
        <source>说明（可不填），如：封面撕破</source>
        <translation>Note (optional), e.g. cover torn</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="205"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="206"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="229"/>
        <source>没有选中图书</source>
        <translation>No book selected</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="232"/>
        <source>在上面的搜索框输入书名、作者、拼音首字母或扫描条码，然后在左边的列表里选一本书，这里会显示它的信息和每一册的状态。</source>
        <translation>Type a title, an author or pinyin initials in the search box above, or scan a barcode, then pick a book in the list on the left: its details and the status of each copy show here.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="261"/>
        <source>作者</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="262"/>
        <source>出版</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="263"/>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="263"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="264"/>
        <source>索书号</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="265"/>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="266"/>
        <source>适读</source>
        <translation>Grades</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="267"/>
        <source>主题词</source>
        <translation>Subjects</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="268"/>
        <source>定价</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="273"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="276"/>
        <source>共 %1 册，在馆 %2，借出 %3</source>
        <translation>%1 copies, %2 on the shelf, %3 on loan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="297"/>
        <source>入藏：%1</source>
        <translation>Received: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="366"/>
        <source>已加 %1 册，条码 %2。</source>
        <translation>Added %1 copies, barcodes %2.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="371"/>
        <source>打印这 %1 张书标…</source>
        <translation>Print these %1 labels…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="385"/>
        <source>%1 现在是“%2”，改为：</source>
        <translation>%1 is now “%2”. Change to:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="412"/>
        <source>%1 已改为“%2”。</source>
        <translation>%1 is now “%2”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="424"/>
        <source>删除后不能恢复。只删除登记错了的书；不再要的书请“剔除”。</source>
        <translation>This cannot be undone. Delete only books entered by mistake; withdraw books you no longer want.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="425"/>
        <source>确认删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="425"/>
        <source>不删除</source>
        <translation>Don&apos;t delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="436"/>
        <source>删除《%1》和它的 %2 册（%3）？</source>
        <translation>Delete “%1” and its %2 copies (%3)?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="442"/>
        <source>删除《%1》？</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="449"/>
        <source>删除《%1》的这一册（条码 %2）？</source>
        <translation>Delete this copy of “%1” (barcode %2)?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="456"/>
        <source>已删除《%1》。</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_detail.py" line="462"/>
        <source>已删除 %1。</source>
        <translation>Deleted %1.</translation>
    </message>
</context>
<context>
    <name>TitleFilters</name>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="183"/>
        <source>全部分类</source>
        <extracomment>the filters&apos; values: (CLC class, grade band, status or ALL_OUT, donor id); None = any</extracomment>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="186"/>
        <source>全部年级</source>
        <translation>All grades</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="190"/>
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="192"/>
        <source>有在馆</source>
        <translation>Some on the shelf</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="193"/>
        <source>全部借出</source>
        <translation>All out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="194"/>
        <source>有借出</source>
        <translation>Some on loan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="196"/>
        <source>有%1</source>
        <translation>Some %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="197"/>
        <source>全部捐赠方</source>
        <translation>All donors</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_titles.py" line="231"/>
        <source>%1（%2 册）</source>
        <translation>%1 (%2 copies)</translation>
    </message>
</context>
<context>
    <name>TitleForm</name>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="84"/>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="235"/>
        <source>新书登记</source>
        <extracomment>``isbn_lookup(isbn13)`` → (title id, title, copies) of the catalogued book with that ISBN, or None a title was saved: (title id, barcodes of new copies — empty when a record was edited) copies were added to an existing title instead of cataloguing a duplicate: (title id, barcodes) the user asked to print labels for these barcodes: (barcodes, what they are, for the print panel)</extracomment>
        <translation>New book</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="87"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="93"/>
        <source>扫描 ISBN 后自动跳到书名。回车：下一项&#x3000;Ctrl+S：保存&#x3000;Esc：关闭</source>
        <translation>After an ISBN is scanned the title is next. Enter: next field  Ctrl+S: save  Esc: close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="99"/>
        <source>扫描或输入，没有可不填</source>
        <translation>Scan or type; leave empty if none</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="103"/>
        <source>如 2015</source>
        <translation>e.g. 2015</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="104"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="115"/>
        <source>如 I287.5</source>
        <translation>e.g. I287.5</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="116"/>
        <source>中图法分类号：选大类，或输入完整分类号（如 I287.5），索书号自动生成</source>
        <translation>CLC number: pick a class or type the full number (e.g. I287.5); the call number is made for you</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="121"/>
        <source>如 童话；动物</source>
        <translation>e.g. fairy tale; animals</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="126"/>
        <source> 册</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="127"/>
        <source>如 A架3层</source>
        <translation>e.g. shelf A, level 3</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="133"/>
        <source>ISBN：</source>
        <translation>ISBN:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="134"/>
        <source>书名*：</source>
        <translation>Title*:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="135"/>
        <source>作者：</source>
        <translation>Author:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="136"/>
        <source>出版社：</source>
        <translation>Publisher:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="137"/>
        <source>出版年：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="137"/>
        <source>定价：</source>
        <translation>Price:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="138"/>
        <source>分类号：</source>
        <translation>CLC:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="138"/>
        <source>年级：</source>
        <translation>Grades:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="139"/>
        <source>主题词：</source>
        <translation>Subjects:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="140"/>
        <source>位置：</source>
        <translation>Location:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="141"/>
        <source>册数：</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="143"/>
        <source>备注：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="147"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="151"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="169"/>
        <source>不是同一本，仍然登记</source>
        <translation>Not the same book: catalogue it anyway</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="245"/>
        <source>修改《%1》</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="330"/>
        <source>。请核对后重新扫描或输入。</source>
        <translation>. Please check it and scan or type it again.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="341"/>
        <source>《%1》已经登记过（现有 %2 册）。是同一本书的话，直接加册即可。</source>
        <translation>“%1” is catalogued already (%2 copies). If it is the same book, just add a copy.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="386"/>
        <source>已保存《%1》。</source>
        <translation>Saved “%1”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="398"/>
        <source>已登记《%1》，索书号 %2。</source>
        <translation>Catalogued “%1”, call number %2.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="401"/>
        <source>条码：%1</source>
        <translation>Barcodes: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="406"/>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="466"/>
        <source>请扫描下一本书。</source>
        <translation>Scan the next book.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="421"/>
        <source>没有保存，请改正：</source>
        <translation>Not saved. Please correct:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="429"/>
        <source>没有保存：已有《%1》。</source>
        <translation>Not saved: “%1” exists already.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="438"/>
        <source>为《%1》加 %2 册</source>
        <translation>Add %2 copies to “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="460"/>
        <source>已为《%1》加 %2 册（现有 %3 册），条码：%4。</source>
        <translation>Added %2 copies to “%1” (now %3), barcodes %4.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="476"/>
        <source>《%1》的新书标</source>
        <translation>New labels of “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_forms.py" line="477"/>
        <source>打印这 %1 张书标…</source>
        <translation>Print these %1 labels…</translation>
    </message>
</context>
<context>
    <name>TitleTableModel</name>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="65"/>
        <source>书名</source>
        <extracomment>``data(index, TITLE_ID_ROLE)`` → the title&apos;s id (int), for any column ``data(index, ROW_ROLE)`` → the whole ``TitleRow``</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="66"/>
        <source>作者</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="67"/>
        <source>出版社</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="68"/>
        <source>出版年</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="69"/>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="70"/>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="71"/>
        <source>索书号</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="72"/>
        <source>适读年级</source>
        <translation>Grades</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="73"/>
        <source>册数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="74"/>
        <location filename="../../center_app/ui/models/title_table.py" line="102"/>
        <source>在馆</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="91"/>
        <source>全部年级</source>
        <translation>All grades</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="92"/>
        <source>1-2年级</source>
        <translation>Grades 1–2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="93"/>
        <source>3-4年级</source>
        <translation>Grades 3–4</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="94"/>
        <source>5-6年级</source>
        <translation>Grades 5–6</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="95"/>
        <source>7-9年级（初中）</source>
        <translation>Grades 7–9 (junior high)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="103"/>
        <source>借出</source>
        <translation>On loan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="104"/>
        <source>遗失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="105"/>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="106"/>
        <source>剔除</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/title_table.py" line="112"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>UndoPromotionButton</name>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="160"/>
        <source>撤销升级</source>
        <translation>Undo the promotion</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="179"/>
        <source>撤销 %1 的全体升级</source>
        <translation>Undo the promotion of %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/children_promote.py" line="195"/>
        <source>已撤销全体升级：%1 名儿童恢复了原来的年级、班级和状态。</source>
        <translation>Promotion undone: %1 children have their former grade, class and status back.</translation>
    </message>
</context>
<context>
    <name>VolunteerDetailPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="231"/>
        <source>修改  F2</source>
        <translation>Edit  F2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="233"/>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="287"/>
        <source>停用…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="249"/>
        <source>在左边选一名志愿者，这里显示他的信息、空闲时间和服务时长。</source>
        <translation>Choose a volunteer on the left to see their details, availability and service hours here.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="287"/>
        <source>重新启用…</source>
        <translation>Reactivate…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="291"/>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="291"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="297"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="298"/>
        <source>任教科目</source>
        <translation>Subjects</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="299"/>
        <source>特长</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="300"/>
        <source>空闲时间</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="300"/>
        <source>没有写（哪天都可以）</source>
        <translation>Not given (any day)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="301"/>
        <source>服务日期</source>
        <translation>Service dates</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="302"/>
        <source>关联账号</source>
        <translation>Linked account</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="303"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="314"/>
        <source>%1 起</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="316"/>
        <source>至 %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="320"/>
        <source>已核定服务时长 &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Approved service hours &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="322"/>
        <source>待审核 %1</source>
        <translation>%1 pending</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="341"/>
        <source>停用“%1”？停用后不再出现在排课和签到的名单里；服务时长和证明都保留，以后可以重新启用。</source>
        <translation>Deactivate “%1”? They will no longer appear in the timetable and sign-in lists; their hours and certificates are kept, and they can be reactivated later.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="343"/>
        <source>确认停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="345"/>
        <source>重新启用“%1”？</source>
        <translation>Reactivate “%1”?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="346"/>
        <source>重新启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="347"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="361"/>
        <source>已停用“%1”。</source>
        <translation>Deactivated “%1”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="361"/>
        <source>已重新启用“%1”。</source>
        <translation>Reactivated “%1”.</translation>
    </message>
</context>
<context>
    <name>VolunteerForm</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="134"/>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="337"/>
        <source>登记志愿者</source>
        <extracomment>an administrator links teachers&apos; accounts here the last save&apos;s account link was refused (the record itself was saved)</extracomment>
        <translation>Register volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="138"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="144"/>
        <source>回车：下一项&#x3000;Ctrl+S：保存&#x3000;Esc：关闭</source>
        <translation>Enter: next field&#x3000;Ctrl+S: save&#x3000;Esc: close</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="159"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="163"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="197"/>
        <source>如 莫小燕</source>
        <translation>e.g. Mo Xiaoyan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="211"/>
        <source>大学、学校或机构，如 贺州学院</source>
        <translation>University, school or organisation, e.g. Hezhou University</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="212"/>
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="214"/>
        <source>如 语文、阅读、美术</source>
        <translation>e.g. Chinese, reading, art</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="216"/>
        <source>如 书法、篮球、剪纸</source>
        <translation>e.g. calligraphy, basketball, paper cutting</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="218"/>
        <source>如 周一至周五 16:00-18:00；周六 09:00-12:00</source>
        <translation>e.g. 周一至周五 16:00-18:00；周六 09:00-12:00 (Mon–Fri, Sat)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="225"/>
        <source>如 2026-07-06</source>
        <translation>e.g. 2026-07-06</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="226"/>
        <source>如 2026-08-02</source>
        <translation>e.g. 2026-08-02</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="229"/>
        <source>志愿者教师的账号关联到这条信息后，登录就能看到自己的课和服务时长</source>
        <translation>Once a volunteer teacher&apos;s account is linked to this record, they see their own sessions and hours when they sign in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="232"/>
        <source>姓名*：</source>
        <translation>Name*:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="233"/>
        <source>性别：</source>
        <translation>Gender:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="233"/>
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="235"/>
        <source>单位/学校：</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="236"/>
        <source>电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="237"/>
        <source>任教科目：</source>
        <translation>Subjects:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="238"/>
        <source>特长：</source>
        <translation>Skills:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="239"/>
        <source>空闲时间：</source>
        <translation>Available:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="241"/>
        <source>服务日期：</source>
        <translation>Service dates:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="241"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="243"/>
        <source>关联账号：</source>
        <translation>Linked account:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="246"/>
        <source>备注：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="319"/>
        <source>（不关联）</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="323"/>
        <source>，已停用</source>
        <translation>, disabled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="325"/>
        <source>，已关联别的志愿者</source>
        <translation>, linked to another volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="349"/>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="484"/>
        <source>修改“%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="374"/>
        <source>空着表示哪天都可以。多段用“；”隔开。</source>
        <translation>Leave empty for any day. Separate several times with “；”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="382"/>
        <source>多段用“；”隔开，如 周一、周三 14:00-16:00；周六 09:00-12:00</source>
        <translation>Separate several times with “；”, e.g. 周一、周三 14:00-16:00；周六 09:00-12:00</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="384"/>
        <source>“空闲时间”%1</source>
        <translation>“Available” %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="389"/>
        <source>读作：%1</source>
        <translation>Read as: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="414"/>
        <source>没有保存，请按红字改正。</source>
        <translation>Not saved: please correct what is in red.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="479"/>
        <source>已保存“%1”。</source>
        <translation>Saved “%1”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="479"/>
        <source>已登记“%1”，可以登记下一位了。</source>
        <translation>Registered “%1”; you can register the next one.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="491"/>
        <source>账号没有关联：</source>
        <translation>The account was not linked: </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="518"/>
        <source>已取消账号关联。</source>
        <translation>Account unlinked.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="520"/>
        <source>已关联账号 %1。</source>
        <translation>Linked account %1.</translation>
    </message>
</context>
<context>
    <name>VolunteerTableModel</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="124"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="125"/>
        <source>单位/学校</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="126"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="127"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="128"/>
        <source>任教科目</source>
        <translation>Subjects</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="129"/>
        <source>空闲时间</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="130"/>
        <source>已核定时长</source>
        <translation>Approved hours</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="131"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="156"/>
        <source>，另有 %1 待审核</source>
        <translation>, plus %1 pending</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="177"/>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="177"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>Volunteers</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="57"/>
        <source>本地教师</source>
        <translation>Local teacher</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="58"/>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="59"/>
        <source>大学生</source>
        <translation>University student</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="60"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="66"/>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="67"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="68"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="76"/>
        <source>%1 小时 %2 分钟</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="78"/>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="79"/>
        <location filename="../../center_app/ui/pages/volunteer_form.py" line="85"/>
        <source>%1 小时</source>
        <translation>%1 h</translation>
    </message>
</context>
<context>
    <name>VolunteersCertificatesTab</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="138"/>
        <source>开具服务证明</source>
        <extracomment>this tab takes no scans</extracomment>
        <translation>Issue a service certificate</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="141"/>
        <source>志愿者：</source>
        <translation>Volunteer:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="144"/>
        <source>姓名、首字母</source>
        <translation>Name, initials</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="160"/>
        <source>服务日期</source>
        <translation>Service dates</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="165"/>
        <source>用志愿者信息里的服务开始、结束日期</source>
        <translation>Use the service start and end dates from the volunteer&apos;s record</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="178"/>
        <source>服务内容</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="178"/>
        <source>次数</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="178"/>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="238"/>
        <source>时长</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="191"/>
        <source>开具证明…</source>
        <translation>Issue certificate…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="219"/>
        <source>已开具的证明</source>
        <translation>Certificates issued</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="224"/>
        <source>再打印…</source>
        <translation>Print again…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="226"/>
        <source>重新生成选中证明的 PDF 并打开</source>
        <translation>Write the selected certificate&apos;s PDF again and open it</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="235"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="236"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="237"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="239"/>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="264"/>
        <source>核验码</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="251"/>
        <source>核验证明</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="255"/>
        <source>输入或粘贴证书上的核验码（如 7KQ2-M9XD-4HTR）：</source>
        <translation>Type or paste the verification code on the certificate (e.g. 7KQ2-M9XD-4HTR):</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="266"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="322"/>
        <source>（已停用）</source>
        <translation> (deactivated)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="325"/>
        <source>没有找到志愿者</source>
        <translation>No volunteer found</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="388"/>
        <source>选一名志愿者和一段期间，这里显示证明上会写的内容。</source>
        <translation>Choose a volunteer and a period to see here what the certificate will state.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="396"/>
        <source>&lt;b&gt;%1&lt;/b&gt; 在 %2 至 %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; from %2 to %3</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="400"/>
        <source>已核定服务时长 &lt;b&gt;%1&lt;/b&gt;，共 %2 次</source>
        <translation>Approved service hours &lt;b&gt;%1&lt;/b&gt;, %2 sessions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="403"/>
        <source>签发单位：%1 · 签发日期：%2</source>
        <translation>Issued by: %1 · Date of issue: %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="416"/>
        <source>这段期间没有已核定的服务时长，不能开具证明。请先在“服务时长”页签审核。</source>
        <translation>No approved service hours in this period, so no certificate can be issued. Approve the hours on the Service hours tab first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="420"/>
        <source>还有 %1 条（%2）待审核，不计入这份证明；审核后再开具可以计入。</source>
        <translation>%1 more records (%2) are pending and not counted in this certificate; approve them first to include them.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="446"/>
        <source>为 %1 开具 %2 至 %3 的志愿服务证明：已核定 %4，共 %5 次？开具后存档，不能撤回。</source>
        <translation>Issue %1 a volunteer service certificate for %2 to %3: %4 approved, %5 sessions? Once issued it is kept and cannot be withdrawn.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="461"/>
        <source>已为这段期间开过 %1，再开一份会另有编号和核验码。</source>
        <translation>%1 was already issued for this period; another one will have its own number and verification code.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="464"/>
        <source>开具并打印</source>
        <translation>Issue and print</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="464"/>
        <source>不开具</source>
        <translation>Don&apos;t issue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="484"/>
        <source>已开具证明 %1（%2，核验码 %3）。</source>
        <translation>Issued certificate %1 (%2, verification code %3). </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="514"/>
        <source>正在生成 PDF…</source>
        <translation>Writing the PDF…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="536"/>
        <source>已生成 %1，请打印后在“盖章处”盖章。</source>
        <translation>Wrote %1. Print it and stamp it in the stamp box (盖章处).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="547"/>
        <source>证明已开具并存档，可以在右边的列表里选中后“再打印”。</source>
        <translation>The certificate is issued and kept; select it in the list on the right and use “Print again”.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="563"/>
        <source>%1 · %2 · %3 签发</source>
        <translation>%1 · %2 · issued %3</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_certificates.py" line="573"/>
        <source>共 %1 份</source>
        <translation>%1 in all</translation>
    </message>
</context>
<context>
    <name>VolunteersHours</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="82"/>
        <source>待审核</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="83"/>
        <source>已核定</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="84"/>
        <source>未通过</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="90"/>
        <source>签到签退</source>
        <translation>Signed in and out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="91"/>
        <source>按计划确认</source>
        <translation>Confirm as planned</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="92"/>
        <source>手工登记</source>
        <translation>Entered by hand</translation>
    </message>
</context>
<context>
    <name>VolunteersHoursTab</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="319"/>
        <source>导出服务时长</source>
        <extracomment>this tab takes no scans</extracomment>
        <translation>Export service hours</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="321"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="364"/>
        <source>这里只显示你自己的服务时长；上课时在右边签到、签退，社工审核后计入。</source>
        <translation>Only your own service hours are shown; sign in and out on the right at each session, and they count once a social worker approves them.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="380"/>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="576"/>
        <source>按志愿者</source>
        <translation>By volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="381"/>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="577"/>
        <source>按单位</source>
        <translation>By organisation</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="382"/>
        <source>逐条记录</source>
        <translation>Every record</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="385"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="410"/>
        <source>服务时长记录</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="414"/>
        <source>待审核（不限期间）</source>
        <translation>Pending (any date)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="415"/>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="966"/>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="971"/>
        <source>已核定</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="416"/>
        <source>未通过</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="417"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="448"/>
        <source>核定  Ctrl+Enter</source>
        <translation>Approve  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="450"/>
        <source>选中的待审核记录计入服务时长（可按住 Ctrl 多选）</source>
        <translation>Count the selected pending records as service hours (Ctrl-click to select several)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="452"/>
        <source>不通过…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="455"/>
        <source>修改时长…</source>
        <translation>Correct time…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="483"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="484"/>
        <source>改为</source>
        <translation>Change to</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="495"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="519"/>
        <source>课次签到</source>
        <translation>Session sign-in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="547"/>
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="550"/>
        <source>签退</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="553"/>
        <source>按计划确认</source>
        <translation>Confirm as planned</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="557"/>
        <source>课已经上完：按课表的时间给选中的志愿者（或全体）记时长，待审核。已签到签退的保留签到的时间。</source>
        <translation>The session is over: record the planned time for the chosen volunteer (or all of them), pending approval. Those who signed in and out keep their signed time.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="573"/>
        <source>合计</source>
        <translation>Totals</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="649"/>
        <source>%1 条，%2</source>
        <translation>%1 records, %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="701"/>
        <source>已核定 %1 条，共 %2。</source>
        <translation>Approved %1 records, %2 in all.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="725"/>
        <source>修改 %1 %2“%3”的时长（现在 %4）。请写明原因：</source>
        <translation>Correct the time of %1&apos;s “%3” on %2 (now %4). Give the reason:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="731"/>
        <source>如 提前一小时离开</source>
        <translation>e.g. left an hour early</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="732"/>
        <source>保存修改</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="735"/>
        <source>%1 条记录不通过。请写明原因（志愿者会看到）：</source>
        <translation>Reject %1 records. Give the reason (the volunteer will see it):</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="737"/>
        <source>如 当天未到中心</source>
        <translation>e.g. did not come to the centre that day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="738"/>
        <source>不通过</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="761"/>
        <source>已将 %1 条记录设为不通过。</source>
        <translation>Rejected %1 records.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="772"/>
        <source>已把 %1“%2”改为 %3。</source>
        <translation>Changed %1&apos;s “%2” to %3.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="775"/>
        <source>为这段时间开过的服务证明将核验不通过，请重新开具。</source>
        <translation>Certificates issued for this time will no longer verify; please issue them again.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="812"/>
        <source>这天没有课</source>
        <translation>No sessions that day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="856"/>
        <source>未记录</source>
        <translation>Nothing recorded</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="859"/>
        <source>%1 已签到</source>
        <translation>signed in at %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="871"/>
        <source>全体志愿者</source>
        <translation>All volunteers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="888"/>
        <source>选一天，再选这天的一节课。</source>
        <translation>Choose a day, then one of its sessions.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="893"/>
        <source>%1 已签到“%2”：%3。</source>
        <translation>%1 signed in to “%2”: %3.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="896"/>
        <source>%1 已签退“%2”：%3，待审核。</source>
        <translation>%1 signed out of “%2”: %3, pending approval.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="941"/>
        <source>已按计划确认“%1”%2：%3 人，待审核。</source>
        <translation>Confirmed “%1” %2 as planned: %3 people, pending approval.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="966"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="966"/>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="969"/>
        <source>单位/学校</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="966"/>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="972"/>
        <source>待审核</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="966"/>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="973"/>
        <source>次数</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="970"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="1013"/>
        <source>%1 至 %2：已核定 %3，待审核 %4，共 %5 人。</source>
        <translation>%1 to %2: %3 approved, %4 pending, %5 people.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_hours.py" line="1078"/>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
</context>
<context>
    <name>VolunteersImportPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="77"/>
        <source>将新增 %1 名志愿者，更新 %2 名，%3 名没有变化。</source>
        <extracomment>``data(index, VOLUNTEER_ID_ROLE)`` → the volunteer&apos;s id, for any column</extracomment>
        <translation>%1 volunteers will be added, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="86"/>
        <source>已导入“%1”：新增 %2 名志愿者，更新 %3 名，%4 名没有变化。</source>
        <translation>Imported “%1”: %2 volunteers added, %3 updated, %4 unchanged.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="100"/>
        <source>导入志愿者名单</source>
        <translation>Import volunteer list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="101"/>
        <source>高校支教队或机构给的 Excel 或 CSV 名单，每行一名志愿者：姓名（必填）、性别、电话、单位/学校、类别、任教科目、特长、服务开始、服务结束、空闲时间（如“周一至周五 09:00-12:00”）、备注……列名写法不限（如“手机”“学校”“可服务时间”），表格上方的标题行、GBK 编码的 CSV 都可以。已登记的志愿者会更新，不会重复登记。先预览，确认后再导入。</source>
        <translation>An Excel or CSV list from a university team or an organisation, one volunteer per row: name (required), gender, phone, organisation, kind, subjects, skills, service start, service end, availability (e.g. “周一至周五 09:00-12:00”), notes… Column names may vary (e.g. “手机”, “学校”, “可服务时间”); a title row above the header and GBK-encoded CSV are fine. Volunteers already registered are updated, never registered twice. Preview first, then import.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="108"/>
        <source>选择志愿者名单</source>
        <translation>Choose a volunteer list</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers.py" line="42"/>
        <source>志愿者与课表</source>
        <translation>Volunteers &amp; timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers.py" line="43"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers.py" line="44"/>
        <source>课表</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers.py" line="45"/>
        <source>服务时长</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers.py" line="46"/>
        <source>服务证明</source>
        <translation>Certificates</translation>
    </message>
</context>
<context>
    <name>VolunteersRosterTab</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="392"/>
        <source>导出志愿者名单</source>
        <extracomment>this tab takes no scans</extracomment>
        <translation>Export volunteer list</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="394"/>
        <source>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="399"/>
        <source>姓名、拼音首字母（如 mxy = 莫小燕）、学校、科目、特长、电话…</source>
        <translation>Name, pinyin initials (mxy = 莫小燕), school, subject, skill, phone…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="416"/>
        <source>这里只显示你自己的志愿者信息，可以修改自己的电话、科目和空闲时间。</source>
        <translation>Only your own volunteer record is shown here; you can change your phone, subjects and availability.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="437"/>
        <source>登记志愿者</source>
        <translation>Register volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="440"/>
        <source>导入名单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="442"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="453"/>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="453"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="453"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="457"/>
        <source>全部单位</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="485"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="547"/>
        <source>共 %1 人，已核定 %2</source>
        <translation>%1 volunteers, %2 approved</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_roster.py" line="696"/>
        <source>已导出 %1 名志愿者到 %2</source>
        <translation>Exported %1 volunteers to %2</translation>
    </message>
</context>
<context>
    <name>VolunteersTimetableTab</name>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="99"/>
        <source>你只能查看自己的课；要新增、调整或停课，请联系社工。</source>
        <translation>You can only look at your own sessions; to add, change or cancel one, ask a social worker.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="107"/>
        <source>回车 新增/修改 · 空格 同格下一节 · Delete 删除 · Ctrl+X 剪下 Ctrl+V 放下 · Ctrl+D 停这一次 · PgUp/PgDn 换周 · 右键看全部</source>
        <translation>Enter add/edit · Space next in box · Delete delete · Ctrl+X cut Ctrl+V place · Ctrl+D cancel once · PgUp/PgDn week · right-click for all</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="124"/>
        <source>原因（可不填，如：台风停课）</source>
        <translation>Reason (optional, e.g. typhoon)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="175"/>
        <source>课表</source>
        <translation>Timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="180"/>
        <source>新建课表</source>
        <translation>New timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="182"/>
        <source>修改课表</source>
        <translation>Edit timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="187"/>
        <source>只有社工和管理员可以新建或修改课表。</source>
        <translation>Only social workers and administrators can create or change timetables.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="190"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="201"/>
        <source>上一周（PgUp）</source>
        <translation>Previous week (PgUp)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="211"/>
        <source>下一周（PgDn）</source>
        <translation>Next week (PgDn)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="221"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="225"/>
        <source>全中心</source>
        <translation>Whole centre</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="226"/>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="227"/>
        <source>教室</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="228"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="239"/>
        <source>新增课程 (Ctrl+N)</source>
        <translation>Add session (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="316"/>
        <source>还没有课表。请先点“新建课表”，填写学期或暑期的日期和每天的节次。</source>
        <translation>No timetable yet. Click “New timetable” and enter the term&apos;s or summer&apos;s dates and the day&apos;s periods.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="318"/>
        <source>还没有课表。</source>
        <translation>No timetable yet.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="387"/>
        <source>我的课</source>
        <translation>My sessions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="476"/>
        <source>第 %1 周（共 %2 周）%3–%4</source>
        <translation>Week %1 of %2, %3–%4</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="488"/>
        <source>本周 %1 节</source>
        <translation>%1 sessions this week</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="490"/>
        <source>%1 处冲突</source>
        <translation>%1 clash(es)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="493"/>
        <source>%1 节有提醒</source>
        <translation>%1 with notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="551"/>
        <source>其他时间</source>
        <translation>Other times</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="556"/>
        <source>不在课表的日期内</source>
        <translation>outside the timetable&apos;s dates</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="558"/>
        <source>空，回车新增课程</source>
        <translation>empty — Enter to add a session</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="558"/>
        <source>没有课</source>
        <translation>no session</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="562"/>
        <source>（%1/%2，空格换下一节）</source>
        <translation> (%1/%2, Space for the next)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="574"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="599"/>
        <source>已保存课表“%1”。</source>
        <translation>Timetable “%1” saved.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="608"/>
        <source>已保存“%1”（%2）。</source>
        <translation>Saved “%1” (%2).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="610"/>
        <source>有 %1 处冲突，已按理由保存并记入审计日志。</source>
        <translation> Saved with %1 clash(es) for the reason given; recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/volunteers_timetable.py" line="614"/>
        <source>提醒：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>WarningsModel</name>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="36"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="37"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="38"/>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="39"/>
        <source>最后到场</source>
        <translation>Last here</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="40"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="41"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="42"/>
        <source>处理</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="54"/>
        <source>已回访 %1</source>
        <translation>Followed up %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="56"/>
        <source>待回访</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="62"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>WeekGridModel</name>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="79"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="80"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="81"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="82"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="83"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="84"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="85"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="157"/>
        <source>（停课）</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="159"/>
        <source>（调课）</source>
        <translation> (moved)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="181"/>
        <source>原定 %1</source>
        <translation>Planned for %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="183"/>
        <source>原因：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="184"/>
        <source>冲突：%1</source>
        <translation>Clash: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="185"/>
        <source>提醒：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="209"/>
        <source>这一天不在课表的日期内</source>
        <translation>This day is outside the timetable&apos;s dates</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/models/volunteers_week_model.py" line="214"/>
        <source>其他时间</source>
        <translation>Other times</translation>
    </message>
</context>
</TS>
