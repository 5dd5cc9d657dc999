import type { Locale } from '../findings';

/**
 * The starter workspace `qmskit init` and "QMS: Initialize QMS Workspace" write: a system file,
 * one process and one draft procedure that lint clean, ready to be edited.
 */
export function starterFiles(locale: Locale): Record<string, string> {
  return locale === 'vi' ? VI : EN;
}

const VI: Record<string, string> = {
  'qms.yaml': `kind: system
organization:
  name: Tên cơ quan, đơn vị        # in ở đầu mọi tài liệu
  short: DV                        # dùng trong mã tài liệu, ví dụ QT-DV-01
locale: vi
standard: ISO 9001:2015
review_interval: 12 months         # chu kỳ xem xét định kỳ tài liệu
calendar:
  workdays: [mon, tue, wed, thu, fri]
  hours_per_day: 8
  holidays: []                     # thêm các ngày nghỉ lễ, ví dụ 2026-09-02
units:
  - id: van-phong
    name: Văn phòng
roles:
  - id: thu-truong
    name: Thủ trưởng đơn vị
    unit: van-phong
  - id: thu-ky-iso
    name: Thư ký ISO
    unit: van-phong
  - id: chuyen-vien
    name: Chuyên viên
    unit: van-phong
externals:
  - id: cong-dan
    name: Công dân, tổ chức
numbering:
  procedure: "QT-{org}-{seq:02}"
  form: "BM-{seq:02}/{procedure}"
  record: "HS-{seq:02}/{procedure}"
  process: "P-{seq:02}"
output:
  dir: controlled
  formats: [html, md]
`,
  'processes/P-01.qms.yaml': `kind: process
id: P-01
name: Giải quyết thủ tục hành chính
owner: thu-truong
purpose: Tiếp nhận và giải quyết hồ sơ của công dân, tổ chức đúng quy định và đúng hạn.
clauses: ["4.4", "8.2", "8.5.1"]
inputs:
  - name: Hồ sơ đề nghị của công dân, tổ chức
    from: cong-dan
outputs:
  - name: Kết quả giải quyết hồ sơ
    to: cong-dan
procedures: [QT-DV-01]
resources: [Phần mềm một cửa điện tử]
kpis:
  - name: Tỷ lệ hồ sơ giải quyết đúng hạn
    target: ">= 98%"
    frequency: monthly
    method: Số hồ sơ đúng hạn / tổng số hồ sơ đã giải quyết
risks:
  - id: R-01
    description: Hồ sơ bị chậm do thiếu thành phần
    likelihood: 3
    impact: 3
    treatment: Hướng dẫn công dân đầy đủ ngay khi tiếp nhận
`,
  'procedures/QT-DV-01.qms.yaml': `kind: procedure
code: QT-DV-01
title: Quy trình giải quyết hồ sơ
process: P-01
owner: thu-truong
status: draft                      # draft → review → approved
revision: 1
clauses: ["8.2.2", "8.5.1"]
purpose: Quy định trình tự, trách nhiệm tiếp nhận và giải quyết hồ sơ.
scope: Áp dụng đối với Văn phòng và các cá nhân liên quan.
steps:
  - id: tiep-nhan
    name: Tiếp nhận hồ sơ
    role: chuyen-vien
    duration: 1 hour
    forms: [BM-01/QT-DV-01]
  - id: kiem-tra
    name: Kiểm tra tính đầy đủ của hồ sơ
    role: chuyen-vien
    duration: 2 hours
    decision: Hồ sơ đầy đủ?
    branches:
      - when: Có
        next: phe-duyet
      - when: Không
        next: huong-dan
  - id: huong-dan
    name: Hướng dẫn bổ sung hồ sơ
    role: chuyen-vien
    duration: 0 hours
    pauses_clock: true
    end: true
  - id: phe-duyet
    name: Phê duyệt kết quả
    role: thu-truong
    duration: 4 hours
    records: [HS-01/QT-DV-01]
    end: true
forms:
  - code: BM-01/QT-DV-01
    title: Giấy tiếp nhận hồ sơ và hẹn trả kết quả
records:
  - code: HS-01/QT-DV-01
    title: Hồ sơ đã giải quyết
    keeper: chuyen-vien
    retention: 5 years
`,
};

const EN: Record<string, string> = {
  'qms.yaml': `kind: system
organization:
  name: Your Organization Ltd.     # printed in every document header
  short: ORG                       # used in document codes, e.g. SOP-001
locale: en
standard: ISO 9001:2015
review_interval: 12 months         # how often controlled documents are reviewed
calendar:
  workdays: [mon, tue, wed, thu, fri]
  hours_per_day: 8
  holidays: []                     # add public holidays, e.g. 2026-12-25
units:
  - id: quality
    name: Quality
roles:
  - id: managing-director
    name: Managing Director
    unit: quality
  - id: quality-manager
    name: Quality Manager
    unit: quality
  - id: sales-coordinator
    name: Sales Coordinator
    unit: quality
externals:
  - id: customer
    name: Customer
numbering:
  procedure: "SOP-{seq:03}"
  form: "F-{seq:03}"
  record: "R-{seq:03}"
  process: "P-{seq:02}"
output:
  dir: controlled
  formats: [html, md]
`,
  'processes/P-01.qms.yaml': `kind: process
id: P-01
name: Order handling
owner: managing-director
purpose: Turn customer enquiries into accepted orders we can deliver on time.
clauses: ["4.4", "8.2"]
inputs:
  - name: Customer enquiry or order
    from: customer
outputs:
  - name: Order confirmation
    to: customer
procedures: [SOP-001]
resources: [Order management system]
kpis:
  - name: Orders confirmed within one working day
    target: ">= 95%"
    frequency: monthly
    method: Orders confirmed within one working day / orders received
risks:
  - id: R-01
    description: An order is accepted that we cannot deliver
    likelihood: 2
    impact: 4
    treatment: Review capacity before confirming
`,
  'procedures/SOP-001.qms.yaml': `kind: procedure
code: SOP-001
title: Order review
process: P-01
owner: quality-manager
status: draft                      # draft → review → approved
revision: 1
clauses: ["8.2.3"]
purpose: Make sure we can meet every requirement of an order before we accept it.
scope: All customer orders and contract amendments.
steps:
  - id: receive
    name: Receive the order
    role: sales-coordinator
    duration: 1 hour
    forms: [F-001]
  - id: review
    name: Review requirements and capacity
    role: quality-manager
    duration: 2 hours
    decision: Can we meet every requirement?
    branches:
      - when: "Yes"
        next: confirm
      - when: "No"
        next: clarify
  - id: clarify
    name: Clarify or decline with the customer
    role: sales-coordinator
    duration: 0 hours
    pauses_clock: true
    end: true
  - id: confirm
    name: Confirm the order
    role: sales-coordinator
    duration: 1 hour
    records: [R-001]
    end: true
forms:
  - code: F-001
    title: Order review checklist
records:
  - code: R-001
    title: Completed order review
    keeper: sales-coordinator
    retention: 3 years
`,
};
