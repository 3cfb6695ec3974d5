"""Facts of the source specification, typed from the document independently of data/.

The site tests check that the built site states each of them; if the data is
edited by mistake, these do not follow it.
"""

TIERS = {"primary": ["Core", "Gold", "Platinum", "Platinum+"], "secondary": ["Core", "Silver", "Platinum"]}

# Quick guide to services: (school type, no additional cost, additional cost)
SERVICE_LEVELS = [
    ("Primary schools", ["Core"], ["Gold", "Platinum", "Platinum+"]),
    ("Primary schools formerly grant maintained", ["Core"], ["Gold", "Platinum", "Platinum+"]),
    ("Secondary schools", ["Core", "Silver"], ["Platinum"]),
    ("Secondary schools formerly grant maintained", ["Core"], ["Silver", "Platinum"]),
]

# Service Inclusions and Exclusions (Primary Schools): group, service, codes for Core Gold Platinum Platinum+
MATRIX = [
    ("Information management", "Generic information management advice common to all schools", "Y Y Y Y"),
    ("Information management", "Piloting new information management initiatives", "Y Y Y Y"),
    ("Information management", "Maintenance of information for the learning community on the Council web site",
     "Y Y Y Y"),
    ("Pupil Data: Electronic Transfer", "Bulk transfer: school to local authority", "Y Y Y Y"),
    ("Pupil Data: Electronic Transfer", "Support for use of secure web sites for the transfer of pupil data",
     "Y Y Y Y"),
    ("Pupil Data: Collection, Validation, Analysis", "Generic written advice on quality and collection", "Y Y Y Y"),
    ("Pupil Data: Collection, Validation, Analysis", "Support for production of school census", "O O Y Y"),
    ("Pupil Data: Collection, Validation, Analysis", "Support for electronic collection of KS data", "O O O O"),
    ("Pupil Data: Collection, Validation, Analysis", "Validation of individual school's data", "Y Y Y Y"),
    ("Pupil Data: Collection, Validation, Analysis", "Supply of statutory data to DCSF", "Y Y Y Y"),
    ("Pupil Data: Collection, Validation, Analysis", "Planning and consultancy for production of returns", "Y Y Y Y"),
    ("Pupil Data: Collection, Validation, Analysis", "Analysis of KS data", "O O O O"),
    ("SIMS: Support on use of software", "Contribution to software licences", "N Y Y Y"),
    ("SIMS: Support on use of software", "Version 7/.NET modules", "N Y Y Y"),
    ("SIMS: Support on use of software", "Top-up support from CapitaES", "O O O O"),
    ("ICT", "Initial ICT advice common to all schools", "Y Y Y Y"),
    ("ICT", "Piloting new ICT initiatives", "Y Y Y Y"),
    ("ICT Helpdesk", "Call routing", "Y Y Y Y"),
    ("ICT Helpdesk", "Fault logging and general queries", "Y Y Y Y"),
    ("ICT Helpdesk", "Virus Protection Advice", "Y Y Y Y"),
    ("ICT Helpdesk", "Software installation and configuration", "N B Y Y"),
    ("ICT Helpdesk", "Antivirus and operating system software: Automated updates throughout the whole school "
                     "(subject to site survey)", "N O/B Y Y"),
    ("ICT Helpdesk", "Recovery from virus infection (best endeavours)", "N O/B Y Y"),
    ("Yorkshire and Humber Grid for Learning (YHGFL)", "Planning and Procurement", "Y Y Y Y"),
    ("Yorkshire and Humber Grid for Learning (YHGFL)", "Assistance with Initial Implementation", "Y Y Y Y"),
    ("SIMS: Technical Support", "Version 7/.NET modules", "N Y Y Y"),
    ("SIMS: Technical Support", "Conversion of FMS to MSSQL", "N Y Y Y"),
    ("SIMS: Technical Support", "Supply of CDs", "O O O O"),
    ("SIMS: Technical Support", "On-Site upgrades and installations", "N Y Y Y"),
    ("SIMS: Technical Support", "Remote upgrades and installations", "N B B B"),
    ("SIMS: Technical Support", "Access to SIMS from up to 10 PCs", "N Y Y Y"),
    ("SIMS: Technical Support", "Access to SIMS from more than 10 PCs", "N O Y Y"),
    ("Administration Network", "Hardware support", "N Y Y Y"),
    ("Administration Network", "Maintenance of simple peer-to-peer networks", "N Y Y Y"),
    ("Administration Network", "Support of administration server", "N Y Y Y"),
    ("Administration Network", "Support for Internet access", "N S S S"),
    ("Administration Network", "Support for e-mail (excludes MS Exchange)", "N S S S"),
    ("Administration Network", "Procurement of hardware and desktop software for the administration network",
     "N Y Y Y"),
    ("Whole School Network", "Hardware and network support", "N N Y Y"),
    ("Whole School Network", "Maintenance of one 'whole school' server", "N N Y Y"),
    ("Whole School Network", "Maintenance of one administration server and one curriculum server", "N N Y Y"),
    ("Whole School Network", "Support for Internet access", "N B S S"),
    ("Whole School Network", "Installation of curriculum software", "N N Y Y"),
    ("Whole School Network", "Automation of curriculum software installation (where software allows)", "N N Y Y"),
    ("Whole School Network", "Ordering hardware and desktop software", "N N Y Y"),
    ("Whole School Network", "Network consultancy services - evaluation of school requirements and supplier "
                             "proposals", "N N Y Y"),
]

LEGEND = {"Y": "included", "N": "not included", "O": "optional extra", "B": "YHGFL schools only",
          "O/B": "optional extra for YHGFL schools only", "S": "supported software/services only"}

# ICT Support Response Standards Summary: level, name, expected share, attention, updates
PRIORITIES = [
    (1, "Critical", "less than 5%", "Ranks highest and above all other ICT Support Team activity.",
     ["Daily, while unresolved"]),
    (2, "High", "less than 15%", "Will receive attention within 1 working day.",
     ["Upon receipt", "After initial assessment", "Then every two days"]),
    (3, "Medium", "approx. 60%", "Will receive attention within 2 working days.",
     ["Upon receipt", "After initial assessment", "Then weekly"]),
    (4, "Low", "approx. 20%", "Will receive attention within 5 working days.",
     ["Upon receipt", "After initial assessment", "Then monthly"]),
    (5, "Hold", None, None, ["Monitored monthly, and reported as and when required by the Help Desk."]),
    (6, "Waiting for school", None, None, ["Monitored monthly, and reported as and when required by the Help Desk."]),
]

# Capita SIMS Top-Up Subscription Service Prices 2008/09: item, primary, secondary (None: "£ -")
CAPITA_PRICES = [
    ("Complete SIMS Help Desk Support", "£850", "£1,090"),
    ("SIMS Core Modules support", "£375", "£550"),
    ("SIMS Examinations module", None, "£300"),
    ("SIMS Assessment Suite support", "£375", "£550"),
    ("SIMS Timetable Suite support", None, "£550"),
    ("SIMS Resources Software support", "£375", "£550"),
    ("SIMS Timetable & Exams Suite support", None, "£790"),
]

CONTACTS = [
    ("Pam Plant", "Principal Officer, Performance Support and ICT", "pam.plant@calderdale.gov.uk",
     "01422 392569", "01422 392515"),
    ("Sue Rumbold", "Head of Commissioning and Partnerships", "sue.rumbold@calderdale.gov.uk",
     "01422 392527", "01422 392481"),
]

# Summary of Supported Software: type, products, technical support, use/operation
SOFTWARE = [
    ("School Management Software", ["SIMS"], "All modules", "Yes, for modules listed in section 7.4.1"),
    ("Operating System", ["Standalone PCs or workstations: Windows 2000 or XP"], "Yes", "No"),
    ("Operating System", ["Apple OSX"], "Best endeavours", "No"),
    ("Operating System", ["Network: Current versions of Windows NT, 2000 or 2003"], "Yes", "No"),
    ("Desktop applications", ["Microsoft Office family of products"], "Yes", "No"),
    ("Internet and regional intranet access", ["ISP services through the YHGFL"], "Yes", "No"),
    ("Antivirus software", ["Sophos", "F-secure"], "Yes", "No"),
    ("Back-up software", ["Symantec / Veritas backup exec"],
     "Yes, to an industry standard implementation using tape drive", "No"),
    ("Learning platforms", ["NetMedia", "Frog", "SIMS Learning Gateway"],
     "Yes, where provided (available via third party contact)", "On a pilot basis"),
    ("Curriculum software", ["Curriculum software which was designed for the operating system on which it is "
                             "being installed and run"], "Yes", "No"),
    ("Curriculum software", ["Any other curriculum software"], "Best endeavours", "No"),
]

# The document's own cross-references: number, the clause it must lead to (heading or text there).
CROSS_REFERENCES = {
    "3.2.5": "Responsiveness",
    "5.3": "To terminate the agreement at any point after 1 April",
    "7": "What services will be provided?",
    "7.4.1": "Gold Service",
    "7.5.2": "Platinum Service",
    "7.6.3": "Capita SIMS Top-Up Subscription Service",
}

# Sentences and figures that must appear somewhere on the site, as written.
PHRASES = [
    # purpose and provider
    "describe the basis on which the service price is calculated and the method of payment",
    "The service provider is Calderdale Metropolitan Borough Council, Children and Young People's Services, "
    "Performance Support and ICT.",
    "The services are provided to all schools within the Metropolitan Borough of Calderdale.",
    "Children and Young People's Services", "Northgate House", "Halifax HX1 1UN",
    # principles
    "set standards;", "be open and provide full information;", "consult and involve;",
    "encourage access and the promotion of choice;", "treat all fairly;", "put things right when they go wrong;",
    "use resources effectively;", "innovate and improve;", "work with other providers;",
    "provide user satisfaction.",
    # standards
    "quality award of IIP (Investors in People)",
    "Eighty-nine per cent of the Management Information Team", "This ranges from three to 34 years.",
    "Two-thirds of the ICT team have a minimum of two years' experience in education.",
    "Seventy-five per cent have also worked either in ICT or in customer care in the private sector",
    "61 per cent of the MIT are graduates in various disciplines",
    "including a PRINCE2 certified practitioner",
    "100 per cent of SIMS trainers have gained national accreditation for IT Training",
    "Foundation Certificate in IT service management",
    "Criminal Records Bureau disclosure screening",
    "telephone: 48 hours", "letter, fax or e-mail: ten working days",
    "between the hours of 8.30 am to 5.00 pm Monday to Friday",
    "from the time the case was raised until the same time the next working day",
    "The service has public liability insurance.",
    "Government 'ICT in Schools' targets",
    # performance
    "dealt with within two weeks: 93%", "average number of cases dealt with per month: 462",
    "answered within seven seconds: 97%",
    "55% rated our strategy for managing information and data as good or very good, 90% satisfactory or above.",
    "50% felt the quality of our support for ICT in school administration was good or very good, "
    "88% satisfactory or above.",
    "71% rated our support to improve the effectiveness and reliability of our ICT systems as satisfactory or "
    "above, only slightly below the national average.",
    "55% felt the quality of the Education Website as a source of information was good or very good, "
    "79% satisfactory or above.",
    # contract
    "The terms of this service will be reviewed on an annual basis",
    "From 1 April, the service contract will operate on an annual rolling basis",
    "either party must give the other at least one term's notice, in writing, to terminate the service at the end "
    "of that financial year.",
    "must be willing to commit to the new contract for an initial period of three years.",
    "particular attention will be paid to the relationship between the core funded services",
    # services
    "enabling schools to join the Yorkshire and Humber Grid for Learning and National Education Network",
    "The chargeable services will take the form of a subscription and/or a pay-as-you-use service.",
    "Personnel 5 for a limited period only, 7 when released",
    "SIMS software (includes FMS) technical support for a maximum of 10 PCs or laptops",
    "a loan PC will be made available until the machine is replaced",
    "Collection of Electron Key Stage results from Assessment Manager.",
    "installation of MS SQL servers.",
    "Specific exclusions (applies to both Gold and Platinum)",
    "for example Windows 98, ME",
    "Non-Microsoft network operating systems", "Operating system downgrades",
    "consultancy services in respect of new schools in the planning and construction stages.",
    "over and above those included in Platinum",
    "predetermined response times, and termly or twice-termly visits for proactive maintenance.",
    "the equivalent of ½ day visit to discuss the school management use of SIMS",
    "support and assistance with asset management.",
    "Former Grant Maintained schools receive delegated funding to enable them to purchase this type of service.",
    "required by CapitaES to pay a one-off parity payment",
    "on-site advice on SIMS to the equivalent of one day per year",
    "Exams Organiser", "reduction in price of the support package for broadband connections.",
    "Available to Calderdale schools in challenging circumstances.",
    "no predetermined response times.",
    "Support for YHGFL projects, eg video conferencing, wikis, podcasting, Loc8.",
    "SIMS Dinner Money module - procurement and support",
    "Core pupil data recovery for SIMS.",
    "Freedom of Information and Data Protection Acts.",
    "This service is available on payment of an annual subscription.",
    "offered on a subscription basis at CapitaES prices.",
    "Capita SIMS Top-Up Subscription Service Prices 2008/09",
    "Recent examples include School Census and the Learning Platform initiatives.",
    "Top-up support available from Capita. Support for finance modules available from LRM team.",
    "technical staff cannot be expected to have detailed or specialist knowledge",
    # provision, obligations, quality
    "will operate within the relevant security laws",
    "Some of the services provided are dependent on third party providers (such as CapitaES).",
    "Code of Practice for Local Authority and School Relations",
    "The school is responsible for any costs associated with the ongoing purchase of all hardware and software.",
    "The service provider reserves the right to make an additional charge.",
    "that call-out fee will be chargeable.",
    "third party hardware maintenance contract",
    "complies with Council Contracts Procedure Rules.",
    "accreditation for IT training from the Institute of IT trainers.",
    "the results will be reported to schools.",
    # complaints
    "firstly be made to the officer concerned or to the ICT Service Desk",
    "If concerns or complaints remain unresolved, they should be reported to",
    "you may wish to invoke the Council's complaints procedure.",
    # price and payment
    "The charges for subsequent years will take account of changing costs.",
    "Prices of packages", "Prices of special and pay-as-you-use services", "To be notified.",
    "Subscriptions will be payable annually in advance.",
    "The charge will be invoiced as early as possible after 1 April.",
    "The pay-as-you-use services will be invoiced monthly.",
    "Schools should pay invoices within 28 days of the date of invoice, or raise queries with the initiator "
    "immediately.",
]
