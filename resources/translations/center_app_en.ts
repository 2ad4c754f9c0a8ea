<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ComingSoonPage</name>
    <message>
        <location filename="../../center_app/ui/pages/coming_soon.py" line="27"/>
        <source>这一部分还在建设中，将在后续版本中提供。</source>
        <translation>This part is still being built and will come in a later version.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../center_app/ui/errors.py" line="28"/>
        <source>出了点问题</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/errors.py" line="33"/>
        <source>程序遇到一个意外错误，刚才的操作没有完成，数据没有被改动。</source>
        <translation>The program met an unexpected error. The last action was not completed and no data was changed.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/errors.py" line="38"/>
        <source>详细信息已记录在日志文件中：%1
如果问题反复出现，请把详细信息发给技术支持。</source>
        <translation>The details are in the log file: %1
If this keeps happening, send the details to your technical support.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/errors.py" line="43"/>
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/errors.py" line="90"/>
        <source>无法打开中心的数据。数据没有被改动。</source>
        <translation>The centre&apos;s data could not be opened. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="96"/>
        <source>首页</source>
        <extracomment>emitted once, when the first page has been filled with data and the window is shown emitted after the user picked another language and the window was rebuilt in it</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="99"/>
        <source>图书</source>
        <translation>Books</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="101"/>
        <source>图书目录：登记捐赠图书（可从 Excel 捐赠清单导入）、ISBN 校验、拼音检索、书标和借书证打印。</source>
        <translation>Catalogue: record donated books (also from Excel donation lists), ISBN checks, pinyin search, spine labels and library cards.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="106"/>
        <source>借还台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="107"/>
        <source>借还台：扫借书证、扫书即借、扫书即还、续借、撤销，逾期催还单。</source>
        <translation>Circulation desk: scan a card, scan a book to lend or return it, renew, undo, overdue slips.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="111"/>
        <source>儿童</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="112"/>
        <source>儿童档案：监护人、父母务工地、健康信息、接送人、关注标记，花名册导入导出。</source>
        <translation>Children&apos;s profiles: guardians, parents&apos; work cities, health notes, pickup people, special attention, roster import and export.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="116"/>
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="117"/>
        <source>考勤：一分钟点名、签到签退、月度考勤表、连续缺勤预警。</source>
        <translation>Attendance: one-minute roll call, check-in and check-out, monthly register, early warning of repeated absence.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="121"/>
        <source>器材</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="122"/>
        <source>器材室：按数量借给班级、损坏与遗失登记、扫码盘点。</source>
        <translation>Equipment room: lend by quantity to a class, record damage and loss, stocktake with the scanner.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="126"/>
        <source>志愿者与课表</source>
        <translation>Volunteers &amp; timetable</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="127"/>
        <source>志愿者与课表：每周和暑期课表（冲突检查）、服务时长、服务证明。</source>
        <translation>Volunteers and timetable: weekly and summer timetables (with clash checks), service hours, certificates.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="131"/>
        <source>活动与报表</source>
        <translation>Activities &amp; reports</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="132"/>
        <source>活动与报表：活动记录、民政局月度报告、捐赠方报告、导出 Excel。</source>
        <translation>Activities and reports: activity records, the monthly report for the civil-affairs bureau, donor reports, Excel export.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="136"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="164"/>
        <source>儿童之家管理系统</source>
        <translation>Children&apos;s Centre Manager</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/main_window.py" line="165"/>
        <source>数据文件夹：%1</source>
        <translation>Data folder: %1</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="55"/>
        <source>图书品种</source>
        <translation>Book titles</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="56"/>
        <source>馆藏图书（册）</source>
        <translation>Book copies</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="57"/>
        <source>在借图书</source>
        <translation>Books on loan</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="58"/>
        <source>逾期未还</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="59"/>
        <source>在册儿童</source>
        <translation>Children enrolled</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="60"/>
        <source>今日到场</source>
        <translation>Here today</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="61"/>
        <source>器材种类</source>
        <translation>Equipment items</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="62"/>
        <source>志愿者</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="63"/>
        <source>本月活动</source>
        <translation>Activities this month</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="74"/>
        <source>提示：按 Ctrl+1 至 Ctrl+9 切换页面；Ctrl+2 是图书，Ctrl+3 是借还台。</source>
        <translation>Tip: Ctrl+1 to Ctrl+9 switch pages; Ctrl+2 is Books, Ctrl+3 is the Desk.</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/overview.py" line="84"/>
        <source>今天是 %1</source>
        <translation>Today is %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="33"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="41"/>
        <source>中心名称：</source>
        <translation>Centre name:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="42"/>
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="43"/>
        <source>电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="44"/>
        <source>联系人：</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="50"/>
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="54"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="68"/>
        <source>数据文件夹：%1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="70"/>
        <source>版本：%1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <location filename="../../center_app/ui/pages/settings.py" line="108"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
</TS>
