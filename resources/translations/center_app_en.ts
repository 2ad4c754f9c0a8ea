<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="56"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="57"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="58"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="59"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="60"/>
        <source>上次登录</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="73"/>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="76"/>
        <source>启用（已锁定至 %1）</source>
        <translation>Active (locked until %1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="78"/>
        <source>启用（待改密码）</source>
        <translation>Active (must change password)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="79"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="97"/>
        <source>从未登录</source>
        <translation>Never</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="117"/>
        <source>用户账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="135"/>
        <source>添加用户(&amp;A)</source>
        <translation>&amp;Add user</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="136"/>
        <source>修改(&amp;M)…</source>
        <translation>&amp;Modify…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="138"/>
        <source>停用(&amp;D)</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="141"/>
        <source>启用(&amp;E)</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="144"/>
        <source>重置密码(&amp;R)…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="161"/>
        <source>无人操作多久后自动锁屏：</source>
        <translation>Lock the screen after this long without use:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="165"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="166"/>
        <source>不自动锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="169"/>
        <source>保存锁屏时间</source>
        <translation>Save lock time</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="191"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="199"/>
        <source>登录时输入，例如 chenxia</source>
        <translation>Typed at sign-in, e.g. chenxia</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="213"/>
        <source>至少6个字符；对方第一次登录时要改成自己的密码</source>
        <translation>At least 6 characters; they must change it at their first sign-in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="214"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="260"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="215"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="261"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="216"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="262"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="217"/>
        <source>初始密码：</source>
        <translation>First password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="219"/>
        <source>创建账号(&amp;S)</source>
        <translation>Create account (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="220"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="268"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="235"/>
        <source>修改账号</source>
        <translation>Edit account</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="255"/>
        <source>志愿者教师只能点名和记录自己带的课次；没有关联志愿者记录的教师账号看不到任何课次。</source>
        <translation>Volunteer teachers can take the roll and keep records only for the sessions they lead; a teacher account not linked to a volunteer record sees no sessions.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="263"/>
        <source>志愿者记录：</source>
        <translation>Volunteer record:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="267"/>
        <source>保存修改(&amp;S)</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="285"/>
        <source>（不关联）</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="291"/>
        <source>（已停止服务）</source>
        <translation> (no longer serving)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="294"/>
        <source>（已关联账号 %1）</source>
        <translation> (linked to account %1)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="419"/>
        <source>已保存账号 %1 的修改。</source>
        <translation>Changes to account %1 saved.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="436"/>
        <source>已创建账号 %1。请把初始密码告诉对方，对方第一次登录时要改成自己的密码。</source>
        <translation>Account %1 created. Tell them the first password; they must change it at their first sign-in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="376"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="446"/>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="460"/>
        <source>请先在表格中选中一个账号。</source>
        <translation>First select an account in the table.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="453"/>
        <source>已启用账号 %1。</source>
        <translation>Account %1 enabled.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="453"/>
        <source>已停用账号 %1。</source>
        <translation>Account %1 disabled.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="476"/>
        <source>已重置 %1 的密码（账号同时解锁）。对方下次登录时要改成自己的密码。</source>
        <translation>Password of %1 reset (and the account unlocked). They must change it at their next sign-in.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="492"/>
        <source>已保存：不自动锁屏。</source>
        <translation>Saved: the screen never locks by itself.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/accounts_tab.py" line="494"/>
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
    <name>AttendanceCodesTab</name>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="57"/>
        <source>考勤代码</source>
        <translation>Attendance codes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="60"/>
        <source>点名时按快捷键标记。算作出勤和缺勤的代码决定出勤率，不计的（如请假）不算在出勤率里。“全部出勤”填入默认代码；签到晚于规定时间的孩子记为迟到代码。修改后立即保存，以前的考勤统计也按新的设置计算。</source>
        <translation>In the roll call, press a code&apos;s key to mark it. Codes counted as present or absent make up the attendance rate; codes not counted (such as leave) are left out of it. “Mark all present” fills in the default code; a child who checks in after the set time gets the late code. Changes are saved at once, and past attendance figures follow the new settings too.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="72"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="73"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="74"/>
        <source>快捷键</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="75"/>
        <source>算作</source>
        <translation>Counts as</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="76"/>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="77"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="93"/>
        <source>添加代码(&amp;A)</source>
        <translation>&amp;Add code</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="94"/>
        <source>修改(&amp;M)…</source>
        <translation>&amp;Modify…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="95"/>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="110"/>
        <source>只有管理员可以修改考勤代码。</source>
        <translation>Only an administrator can change the attendance codes.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="131"/>
        <source>1–10 个英文字母或数字，例如 S</source>
        <translation>1–10 letters or digits, e.g. S</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="135"/>
        <source>点名和打印时显示，例如 病假</source>
        <translation>Shown in the roll call and on prints, e.g. Sick leave</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="142"/>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="143"/>
        <source>缺勤</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="144"/>
        <source>不计（如请假）</source>
        <translation>Not counted (e.g. leave)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="145"/>
        <source>默认代码（“全部出勤”时填入）</source>
        <translation>Default code (filled in by “Mark all present”)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="147"/>
        <source>迟到代码（签到晚于规定时间时使用）</source>
        <translation>Late code (for a check-in after the set time)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="149"/>
        <source>代码：</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="150"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="151"/>
        <source>快捷键：</source>
        <translation>Key:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="152"/>
        <source>算作：</source>
        <translation>Counts as:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="156"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="157"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="233"/>
        <source>添加考勤代码</source>
        <translation>Add attendance code</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="248"/>
        <source>请先在表格中选中一个代码。</source>
        <translation>Please select a code in the table first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="251"/>
        <source>修改考勤代码 %1</source>
        <translation>Edit attendance code %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="309"/>
        <source>已添加考勤代码 %1。</source>
        <translation>Attendance code %1 added.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="309"/>
        <source>已保存考勤代码 %1。</source>
        <translation>Attendance code %1 saved.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="322"/>
        <source>“%1”是默认代码，不能删除。请先把另一个算作出勤的代码设为默认代码。</source>
        <translation>“%1” is the default code and cannot be deleted. First make another code that counts as present the default.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/attendance_codes_tab.py" line="333"/>
        <source>已删除考勤代码 %1。</source>
        <translation>Attendance code %1 deleted.</translation>
    </message>
</context>
<context>
    <name>AttendanceCorner</name>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="87"/>
        <source>近30个开放日到场人数</source>
        <translation>Children present, last 30 open days</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="89"/>
        <source>还没有考勤记录</source>
        <translation>No attendance yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="113"/>
        <source>记录回访…</source>
        <translation>Record a follow-up…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="144"/>
        <source>今天还没有点名。请到“考勤”页（Ctrl+5）点名。</source>
        <translation>The roll has not been taken today. Take it on the Attendance page (Ctrl+5).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="148"/>
        <source>最近两周有 %1 个开放日没有点名：%2</source>
        <translation>%1 open days in the last two weeks have no roll call: %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="153"/>
        <source>最近两周每个开放日都点过名。</source>
        <translation>The roll was taken on every open day of the last two weeks.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="157"/>
        <source>预警：%1 名儿童需要回访</source>
        <translation>Warnings: %1 children need a follow-up</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview_attendance.py" line="159"/>
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
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../center_app/ui/login.py" line="280"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="286"/>
        <source>这是管理员为你设置的临时密码。请设置一个只有你自己知道的新密码。</source>
        <translation>Your password was set by the administrator. Choose a new one that only you know.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="295"/>
        <source>至少6个字符</source>
        <translation>At least 6 characters</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="297"/>
        <source>原密码（临时密码）：</source>
        <translation>Current (temporary) password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="297"/>
        <source>原密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="298"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="299"/>
        <source>再次输入新密码：</source>
        <translation>New password again:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="309"/>
        <source>确定(&amp;O)</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="313"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="313"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="331"/>
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
        <location filename="../../center_app/ui/pages/child_form.py" line="348"/>
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
        <location filename="../../center_app/ui/pages/child_form.py" line="171"/>
        <source>家庭</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="175"/>
        <source>重点关注（社工定期回访）</source>
        <translation>Special attention (regular follow-ups by a social worker)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="177"/>
        <source>如 广东深圳</source>
        <translation>e.g. Shenzhen, Guangdong</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="181"/>
        <source>留守类型</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="183"/>
        <source>父亲务工地</source>
        <translation>Father works in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="184"/>
        <source>父亲电话</source>
        <translation>Father&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="185"/>
        <source>母亲务工地</source>
        <translation>Mother works in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="186"/>
        <source>母亲电话</source>
        <translation>Mother&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="190"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="192"/>
        <source>接送人（可以来接孩子的人）</source>
        <translation>Pick-up people (who may collect the child)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="195"/>
        <source>健康与备注</source>
        <translation>Health and notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="197"/>
        <source>如 哮喘，随身带喷雾</source>
        <translation>e.g. asthma, carries an inhaler</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="199"/>
        <source>如 花生过敏</source>
        <translation>e.g. peanut allergy</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="201"/>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="202"/>
        <source>过敏</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="203"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="212"/>
        <source>回车：下一项&#x3000;Ctrl+S：保存&#x3000;Esc：取消（不保存任何修改）</source>
        <translation>Enter: next field   Ctrl+S: save   Esc: cancel (nothing is saved)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="262"/>
        <location filename="../../center_app/ui/pages/child_form.py" line="274"/>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="318"/>
        <source>登记新儿童</source>
        <translation>Register a child</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="324"/>
        <source>修改档案：%1</source>
        <translation>Edit profile: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="373"/>
        <source>日期无法识别</source>
        <translation>Date not recognised</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="379"/>
        <source>晚于今天</source>
        <translation>After today</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="382"/>
        <source>%1 岁</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="396"/>
        <source>保存时补办新号，旧号 %1 作废</source>
        <translation>A new number on saving; the old number %1 stops working</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="398"/>
        <source>保存时自动分配下一个借书证号</source>
        <translation>The next card number is given on saving</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="471"/>
        <source>已登记 %1。</source>
        <translation>%1 registered.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="473"/>
        <source>已保存 %1 的档案。</source>
        <translation>%1&apos;s profile saved.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="475"/>
        <source>借书证号：%1</source>
        <translation>Library card: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/child_form.py" line="480"/>
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
    <name>ComingSoonPage</name>
    <message>
        <location filename="../../center_app/ui/pages/coming_soon.py" line="27"/>
        <source>这一部分还在建设中，将在后续版本中提供。</source>
        <translation>This part is still being built and will come in a later version.</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="49"/>
        <source>用我的覆盖</source>
        <translation>Overwrite with mine</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="52"/>
        <source>保留对方的</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="63"/>
        <source>儿童</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="63"/>
        <source>对方记为</source>
        <translation>They marked</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="63"/>
        <source>你记为</source>
        <translation>You marked</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="63"/>
        <source>谁、何时保存</source>
        <translation>Saved by, at</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="75"/>
        <source>%1 名儿童的考勤刚被别人改过，你的没有保存。请核对：</source>
        <translation>%1 children&apos;s marks were just changed by someone else; yours were not saved. Please check:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_conflicts.py" line="81"/>
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
        <location filename="../../center_app/ui/pages/desk_child.py" line="41"/>
        <source>有逾期图书</source>
        <translation>Has overdue books</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="62"/>
        <source>书名</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="62"/>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="62"/>
        <source>应还日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="62"/>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="62"/>
        <source>续借次数</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="76"/>
        <source>还没有选人</source>
        <translation>Nobody selected</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="79"/>
        <source>扫借书证，或输入姓名 / 拼音首字母（如 wzh）后按回车。没有选人时，扫书就是还书。</source>
        <translation>Scan a library card, or type a name / pinyin initials (e.g. wzh) and press Enter. With nobody selected, scanning a book returns it.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="89"/>
        <source>借书证 %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="91"/>
        <source>没有借书证</source>
        <translation>No library card</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="95"/>
        <source>在借 %1 本</source>
        <translation>%1 on loan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk_child.py" line="97"/>
        <source>还可借 %1 本</source>
        <translation>May borrow %1 more</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="78"/>
        <source>借还台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="77"/>
        <source>F5 续借&#x3000;Ctrl+Z 撤销&#x3000;F8 逾期名单&#x3000;Esc 换人/结束&#x3000;↑↓ 选书或选人</source>
        <translation>F5 renew   Ctrl+Z undo   F8 overdue list   Esc next child / finish   ↑↓ choose a book or child</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="84"/>
        <source>扫借书证或图书条码，或输入儿童姓名 / 拼音首字母，按回车</source>
        <translation>Scan a library card or a book&apos;s barcode, or type a child&apos;s name / pinyin initials, then Enter</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="119"/>
        <location filename="../../center_app/ui/pages/desk.py" line="124"/>
        <source>当前账号不能办理借还。</source>
        <translation>This account cannot lend or take back books.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="126"/>
        <source>请扫借书证开始借书；不选人时扫书就是还书。</source>
        <translation>Scan a library card to lend books; with nobody selected, scanning a book returns it.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="146"/>
        <source>最近操作</source>
        <translation>Recent actions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="173"/>
        <source>续借 (F5)</source>
        <translation>Renew (F5)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="174"/>
        <source>撤销 (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="175"/>
        <source>换人/结束 (Esc)</source>
        <translation>Next child / finish (Esc)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="177"/>
        <source>逾期名单 (F8)</source>
        <translation>Overdue list (F8)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="180"/>
        <source>提示音</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="286"/>
        <source>%1 已借了《%2》，不用再借。续借请按 F5；还书请先按 Esc 再扫书。</source>
        <translation>%1 already has “%2”. To renew it press F5; to return it press Esc, then scan the book.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="298"/>
        <source>《%1》没有借出。</source>
        <translation>“%1” is not on loan. </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="299"/>
        <source>请先扫借书证，或输入儿童姓名。</source>
        <translation>Scan the library card first, or type the child&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="318"/>
        <source>没有找到姓名或拼音首字母是“%1”的儿童。请检查后重输，或扫借书证。</source>
        <translation>No child&apos;s name or pinyin initials match “%1”. Check and type again, or scan the library card.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="312"/>
        <source>找到 %1 名儿童：按 ↑↓ 选择，回车确定，Esc 取消。</source>
        <translation>%1 children found: choose with ↑↓, Enter to confirm, Esc to cancel.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="341"/>
        <source>%1：还可借 %2 本，请扫书。</source>
        <translation>%1 may borrow %2 more. Scan the books.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="353"/>
        <source>已结束 %1 的借书。没有选人时扫书就是还书。</source>
        <translation>Finished with %1. With nobody selected, scanning a book returns it.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="426"/>
        <source>请先扫借书证，在表格中选中要续借的书（↑↓ 选择），再按 F5。</source>
        <translation>Scan the library card first, select the book to renew in the table (↑↓), then press F5.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="437"/>
        <source>没有可以撤销的操作。</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/desk.py" line="515"/>
        <source>已生成 %1 名儿童的催还单：%2</source>
        <translation>Overdue slips for %1 children written to %2</translation>
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
        <location filename="../../center_app/ui/login.py" line="191"/>
        <source>欢迎使用儿童之家管理系统</source>
        <translation>Welcome to the Children&apos;s Centre Manager</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="197"/>
        <source>第一次使用，请先创建管理员账号：管理员可以添加其他用户、修改设置、备份数据和查看审计日志。</source>
        <translation>First use: create the administrator account. The administrator can add other users, change settings, back up the data and read the audit log.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="207"/>
        <source>例如：古楼村留守儿童关爱活动中心（可以以后再填）</source>
        <translation>e.g. Gulou Village Children&apos;s Centre (can be filled in later)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="209"/>
        <source>登录时输入，例如 lifang</source>
        <translation>Typed at sign-in, e.g. lifang</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="211"/>
        <source>例如：李芳</source>
        <translation>e.g. Li Fang</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="213"/>
        <source>至少6个字符，不要用123456这类常见密码</source>
        <translation>At least 6 characters; not a common one like 123456</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="215"/>
        <source>中心名称：</source>
        <translation>Centre name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="216"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="217"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="218"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="219"/>
        <source>再次输入密码：</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="222"/>
        <source>创建管理员并登录(&amp;C)</source>
        <translation>&amp;Create administrator and sign in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="247"/>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords do not match. Please type them again.</translation>
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
        <location filename="../../center_app/ui/widgets/import_panel.py" line="162"/>
        <source>选择文件(&amp;O)…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="178"/>
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
        <location filename="../../center_app/ui/widgets/import_panel.py" line="194"/>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="199"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="214"/>
        <source>仍要再导入(&amp;A)</source>
        <translation>Import &amp;again anyway</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="215"/>
        <source>不导入</source>
        <translation>Don&apos;t import</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="258"/>
        <source>还没有选择文件。</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="337"/>
        <source>导入已取消，没有导入任何数据。</source>
        <translation>Import cancelled; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="370"/>
        <source>正在读取文件…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="433"/>
        <source>另一个导入还没有完成，请等它完成后再导入。</source>
        <translation>Another import has not finished yet. Please wait for it before importing.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="456"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="70"/>
        <source>这批书的捐赠方（表格里没写时用这个名字）</source>
        <translation>Donor of these books (used where the table names none)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="377"/>
        <source>共 %1 行：可导入 %2 行</source>
        <translation>%1 rows: %2 can be imported</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="382"/>
        <source>，%1 行有问题</source>
        <translation>, %1 rows have problems</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="384"/>
        <source>，跳过合计行 %1 行</source>
        <translation>, %1 total rows skipped</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="385"/>
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
        <location filename="../../center_app/ui/widgets/import_panel.py" line="388"/>
        <source>工作表：%1（第 %2 行是表头）</source>
        <translation>Sheet: %1 (header on row %2)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="398"/>
        <source>识别的列：%1</source>
        <translation>Columns found: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="400"/>
        <source>未使用的列：%1</source>
        <translation>Columns not used: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="48"/>
        <source>这个文件已在 %1 导入过（%2 行，%3 册），再导入需要确认。</source>
        <translation>This file was already imported on %1 (%2 rows, %3 copies); importing it again needs confirmation.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="407"/>
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
        <location filename="../../center_app/ui/widgets/import_panel.py" line="412"/>
        <source>这个文件里没有可以导入的行。</source>
        <translation>This file has no rows that can be imported.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="417"/>
        <source>有问题的行请在表格里改正后重新选择文件；或勾选“跳过有问题的行”，只导入没有问题的行。</source>
        <translation>Correct the rows with problems in the table and choose the file again, or tick “skip the rows with problems” to import only the good rows.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="421"/>
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
        <location filename="../../center_app/ui/widgets/import_panel.py" line="469"/>
        <source>跳过了 %1 行：第 %2 行。</source>
        <translation>Skipped %1 rows: row %2.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/catalog_import.py" line="79"/>
        <source>打印这 %1 册的书标…</source>
        <translation>Print the labels of these %1 copies…</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/widgets/import_panel.py" line="492"/>
        <source>没有导入。</source>
        <translation>Nothing was imported.</translation>
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
    <name>LoanRulesTab</name>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="108"/>
        <source>借阅规则</source>
        <translation>Loan rules</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="111"/>
        <source>按年级规定每人最多可借几本、借多少天、可续借几次。每个年级只能属于一条规则。修改后从下一次借书起生效，已借出的书应还日期不变。</source>
        <translation>For each range of grades: how many books a child may hold, for how many days, and how many renewals. Each grade belongs to one rule only. Changes apply from the next loan; books already lent keep their due dates.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="129"/>
        <source>年级从</source>
        <translation>From grade</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="130"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="131"/>
        <source>每人最多</source>
        <translation>Books per child</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="132"/>
        <source>借期（天）</source>
        <translation>Loan period (days)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="133"/>
        <source>可续借次数</source>
        <translation>Renewals allowed</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="152"/>
        <source>添加规则</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="155"/>
        <source>删除选中的规则</source>
        <translation>Remove selected rule</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="158"/>
        <source>双击或按 F2 修改单元格。</source>
        <translation>Double-click or press F2 to change a cell.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="166"/>
        <source>有逾期不能再借（先还逾期的书，才能借新书）</source>
        <translation>Block new loans while a book is overdue (return it first)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="172"/>
        <source>保存借阅规则(&amp;S)</source>
        <translation>&amp;Save loan rules</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="191"/>
        <source>只有管理员可以修改借阅规则和闭馆日。</source>
        <translation>Only an administrator can change the loan rules and closed days.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="194"/>
        <source>闭馆日</source>
        <translation>Closed days</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="198"/>
        <source>应还日期落在闭馆日（节假日、放假）时，顺延到下一个开放日。添加或删除后立即保存。</source>
        <translation>A due date that falls on a closed day (holiday) moves to the next open day. Adding or removing a day saves at once.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="204"/>
        <source>年份：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="209"/>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="227"/>
        <source>原因，如：国庆节</source>
        <translation>Reason, e.g. National Day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="234"/>
        <source>添加闭馆日</source>
        <translation>Add closed day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="237"/>
        <source>删除选中的闭馆日</source>
        <translation>Remove selected days</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="315"/>
        <source>已添加一行，请改好年级范围后保存。</source>
        <translation>Row added: set its grades, then save.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="320"/>
        <source>请先选中要删除的规则。</source>
        <translation>Select the rule to remove first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="324"/>
        <source>已删除一行，保存后生效。</source>
        <translation>Row removed; it takes effect when you save.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="342"/>
        <source>已保存。新规则从下一次借书起生效，已借出的书应还日期不变。</source>
        <translation>Saved. The new rules apply from the next loan; books already lent keep their due dates.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="392"/>
        <source>已保存闭馆日：%1</source>
        <translation>Closed day saved: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="401"/>
        <source>请先在列表中选中要删除的闭馆日。</source>
        <translation>Select the closed days to remove in the list first.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/loan_rules_tab.py" line="404"/>
        <source>已删除 %1 个闭馆日。</source>
        <translation>%1 closed days removed.</translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <location filename="../../center_app/ui/login.py" line="103"/>
        <source>已锁定：%1</source>
        <translation>Locked: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="104"/>
        <source>输入密码继续使用；换人使用时，请输入自己的用户名和密码。</source>
        <translation>Type the password to continue; someone else can sign in with their own user name and password.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="106"/>
        <source>请登录</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="123"/>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="124"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="129"/>
        <source>登录(&amp;L)</source>
        <translation>Sign &amp;in</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="161"/>
        <source>请输入用户名。</source>
        <translation>Please type your user name.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/login.py" line="165"/>
        <source>请输入密码。</source>
        <translation>Please type your password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="149"/>
        <source>首页</source>
        <extracomment>emitted once, when the first page has been filled with data and the window is shown emitted after the user picked another language and the window was rebuilt in it</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="150"/>
        <source>图书</source>
        <translation>Books</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="151"/>
        <source>借还台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="152"/>
        <source>儿童</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="154"/>
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="158"/>
        <source>器材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="159"/>
        <source>器材室：按数量借给班级、损坏与遗失登记、扫码盘点。</source>
        <translation>Equipment room: lend by quantity to a class, record damage and loss, stocktake with the scanner.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="163"/>
        <source>志愿者与课表</source>
        <translation>Volunteers &amp; timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="164"/>
        <source>志愿者与课表：每周和暑期课表（冲突检查）、服务时长、服务证明。</source>
        <translation>Volunteers and timetable: weekly and summer timetables (with clash checks), service hours, certificates.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="168"/>
        <source>活动与报表</source>
        <translation>Activities &amp; reports</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="169"/>
        <source>活动与报表：活动记录、民政局月度报告、捐赠方报告、导出 Excel。</source>
        <translation>Activities and reports: activity records, the monthly report for the civil-affairs bureau, donor reports, Excel export.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="173"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="208"/>
        <source>儿童之家管理系统</source>
        <translation>Children&apos;s Centre Manager</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="209"/>
        <source>数据文件夹：%1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="332"/>
        <source>演示数据已清空。</source>
        <translation>The demo data has been cleared.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="334"/>
        <source>清空前的数据已备份为 %1。</source>
        <translation>The data as it was before clearing was backed up as %1.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="336"/>
        <source>请创建正式的管理员账号。</source>
        <translation>Please create the real administrator account.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="338"/>
        <source>请用管理员账号登录。</source>
        <translation>Please sign in with an administrator account.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="405"/>
        <source>%1，请等它完成后再关闭程序。</source>
        <translation>%1. Please wait for it to finish before closing the program.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="426"/>
        <source>当前用户：%1（%2）  Ctrl+L 锁定</source>
        <translation>Signed in: %1 (%2)   Ctrl+L locks</translation>
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
        <location filename="../../center_app/ui/pages/overview.py" line="87"/>
        <source>图书品种</source>
        <extracomment>emitted when the charts and warnings (filled after the counts) are up to date</extracomment>
        <translation>Book titles</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="88"/>
        <source>馆藏图书（册）</source>
        <translation>Book copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="89"/>
        <source>在借图书</source>
        <translation>Books on loan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="90"/>
        <source>逾期未还</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="91"/>
        <source>在册儿童</source>
        <translation>Children enrolled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="92"/>
        <source>今日到场</source>
        <translation>Here today</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="93"/>
        <source>器材种类</source>
        <translation>Equipment items</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="94"/>
        <source>志愿者</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="95"/>
        <source>本月活动</source>
        <translation>Activities this month</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="112"/>
        <source>近12个月借阅（册次）</source>
        <translation>Loans in the last 12 months</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="114"/>
        <location filename="../../center_app/ui/pages/overview.py" line="196"/>
        <source>还没有借阅记录</source>
        <translation>No loans yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="143"/>
        <source>提示：按 Ctrl+1 至 Ctrl+9 切换页面；Ctrl+2 是图书，Ctrl+3 是借还台。</source>
        <translation>Tip: Ctrl+1 to Ctrl+9 switch pages; Ctrl+2 is Books, Ctrl+3 is the Desk.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="152"/>
        <source>今天是 %1</source>
        <translation>Today is %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="184"/>
        <source>%1月</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="191"/>
        <source>最受欢迎的图书（近一年）</source>
        <translation>Most borrowed (last 12 months)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="192"/>
        <source>次</source>
        <translation>loans</translation>
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
        <location filename="../../center_app/ui/pages/roll_call.py" line="168"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="178"/>
        <source>点名表</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="185"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="189"/>
        <location filename="../../center_app/ui/pages/roll_call.py" line="331"/>
        <source>全部班级</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="193"/>
        <source>全部出勤 (Alt+A)</source>
        <translation>All present (Alt+A)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="198"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="444"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="444"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="231"/>
        <source>当天考勤（全天）</source>
        <translation>Day register (whole day)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="260"/>
        <source>有 %1 名儿童的考勤还没有保存。切换前要保存吗？</source>
        <translation>%1 children&apos;s marks are not saved yet. Save before switching?</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="261"/>
        <source>保存后切换</source>
        <translation>Save and switch</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="262"/>
        <source>不保存，切换</source>
        <translation>Switch without saving</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="263"/>
        <source>留在这里</source>
        <translation>Stay here</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="322"/>
        <source>你可以查看这张点名表，但不能修改（只能为自己负责的课程点名）。</source>
        <translation>You may view this register but not change it (only the sessions you lead).</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="348"/>
        <source>空格 %1</source>
        <translation>Space %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="349"/>
        <source>⌫ 清除&#x3000;↑↓ 上下&#x3000;Ctrl+S 保存</source>
        <translation>⌫ clear&#x3000;↑↓ move&#x3000;Ctrl+S save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="384"/>
        <source>“%1”不是考勤键。</source>
        <translation>&quot;%1&quot; is not an attendance key. </translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="392"/>
        <source>这张点名表不能修改。</source>
        <translation>This register cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="435"/>
        <source>没有还没点名的儿童。</source>
        <translation>Every child is marked already.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="440"/>
        <source>把 %1 名还没点名的儿童记为“%2”？已经点过的不变。</source>
        <translation>Mark the %1 children not marked yet as &quot;%2&quot;? Children already marked stay as they are.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="452"/>
        <source>已把 %1 人记为“%2”，按 Ctrl+S 保存。</source>
        <translation>%1 children marked &quot;%2&quot;; press Ctrl+S to save.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="470"/>
        <source>没有需要保存的改动。</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call.py" line="532"/>
        <source>已保留别人保存的考勤。</source>
        <translation>Kept the marks the other person saved.</translation>
    </message>
</context>
<context>
    <name>RollCallStatus</name>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="45"/>
        <source>这节课还没点名</source>
        <translation>Roll not taken for this session yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="47"/>
        <source>今天还没点名</source>
        <translation>Roll not taken today yet</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="49"/>
        <source>这一天还没点名</source>
        <translation>No roll call taken this day</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="52"/>
        <source>%1 点名</source>
        <translation>roll taken by %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="56"/>
        <source>最后保存：%1</source>
        <translation>last saved by %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="61"/>
        <source>不是开放日（如有活动仍可点名）</source>
        <translation>not an open day (the roll may still be taken for an event)</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="64"/>
        <source>名单：最近几次来过这门课的孩子</source>
        <translation>list: the children who came to the last sessions</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="69"/>
        <source>有人</source>
        <translation>someone</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="78"/>
        <source>未点 %1 / %2</source>
        <translation>not marked %1 / %2</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/roll_call_status.py" line="81"/>
        <source>未保存 %1 人</source>
        <translation>%1 not saved</translation>
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
</TS>
