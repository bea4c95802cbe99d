import { BrowserRouter, Route, Routes } from 'react-router';
import { AttendanceImportPage } from './attendance/AttendanceImportPage.js';
import { AttendancePage } from './attendance/AttendancePage.js';
import { CheckInPage } from './attendance/CheckInPage.js';
import { CompletionsPage } from './attendance/CompletionsPage.js';
import { CourseDetail } from './catalogue/CourseDetail.js';
import { EditCourse, NewCourse } from './catalogue/CourseForm.js';
import { CourseList } from './catalogue/CourseList.js';
import { ProgrammeList } from './catalogue/ProgrammeList.js';
import { EventDetail } from './events/EventDetail.js';
import { EditEvent, NewEvent } from './events/EventForm.js';
import { EventList } from './events/EventList.js';
import { SessionDetail } from './events/SessionDetail.js';
import { EditSession, NewSession } from './events/SessionForm.js';
import { ImportPage } from './import/ImportPage.js';
import { OrganisationDetail } from './organisations/OrganisationDetail.js';
import { EditOrganisation, NewOrganisation } from './organisations/OrganisationForm.js';
import { OrganisationList } from './organisations/OrganisationList.js';
import { ApplicationDetail } from './certification/ApplicationDetail.js';
import { CertificateList } from './certification/CertificateList.js';
import { CertificationHome } from './certification/CertificationHome.js';
import { MyApplications } from './certification/MyApplications.js';
import { ReviewQueue } from './certification/ReviewQueue.js';
import { EditScheme, NewScheme } from './certification/SchemeForm.js';
import { SchemeList } from './certification/SchemeList.js';
import { ComingArea } from './pages/ComingArea.js';
import { Home } from './pages/Home.js';
import { NotFound } from './pages/NotFound.js';
import { PaymentsPage } from './payments/PaymentsPage.js';
import { PeopleList } from './people/PeopleList.js';
import { PersonDetail } from './people/PersonDetail.js';
import { EditPerson, NewPerson } from './people/PersonForm.js';
import { EditProject, NewProject } from './projects/ProjectForm.js';
import { ProjectList } from './projects/ProjectList.js';
import { COMING_AREAS, Shell } from './shell/Shell.js';
import { TokensPage } from './tokens/TokensPage.js';

/** The server answers every /app/* path with this app; the routes below decide what each shows. */
export function App() {
  return (
    <BrowserRouter basename="/app">
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<Home />} />
          <Route path="people" element={<PeopleList />} />
          <Route path="people/new" element={<NewPerson />} />
          <Route path="people/:id" element={<PersonDetail />} />
          <Route path="people/:id/edit" element={<EditPerson />} />
          <Route path="organisations" element={<OrganisationList />} />
          <Route path="organisations/new" element={<NewOrganisation />} />
          <Route path="organisations/:id" element={<OrganisationDetail />} />
          <Route path="organisations/:id/edit" element={<EditOrganisation />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="tokens" element={<TokensPage />} />
          <Route path="catalogue" element={<CourseList />} />
          <Route path="catalogue/new" element={<NewCourse />} />
          <Route path="catalogue/courses/:id" element={<CourseDetail />} />
          <Route path="catalogue/courses/:id/edit" element={<EditCourse />} />
          <Route path="catalogue/programmes" element={<ProgrammeList />} />
          <Route path="projects" element={<ProjectList />} />
          <Route path="projects/new" element={<NewProject />} />
          <Route path="projects/:id" element={<EditProject />} />
          <Route path="events" element={<EventList />} />
          <Route path="events/new" element={<NewEvent />} />
          <Route path="events/sessions/new" element={<NewSession />} />
          <Route path="events/sessions/:id" element={<SessionDetail />} />
          <Route path="events/sessions/:id/edit" element={<EditSession />} />
          <Route path="events/sessions/:id/payments" element={<PaymentsPage />} />
          <Route path="events/sessions/:id/attendance" element={<AttendancePage />} />
          <Route path="events/sessions/:id/attendance/import" element={<AttendanceImportPage />} />
          <Route path="events/sessions/:id/check-in" element={<CheckInPage />} />
          <Route path="events/sessions/:id/completions" element={<CompletionsPage />} />
          <Route path="events/:id" element={<EventDetail />} />
          <Route path="events/:id/edit" element={<EditEvent />} />
          <Route path="certification" element={<CertificationHome />} />
          <Route path="certification/applications" element={<MyApplications />} />
          <Route path="certification/applications/:id" element={<ApplicationDetail />} />
          <Route path="certification/review" element={<ReviewQueue />} />
          <Route path="certification/certificates" element={<CertificateList />} />
          <Route path="certification/schemes" element={<SchemeList />} />
          <Route path="certification/schemes/new" element={<NewScheme />} />
          <Route path="certification/schemes/:id/edit" element={<EditScheme />} />
          {COMING_AREAS.map((area) => (
            <Route key={area} path={area} element={<ComingArea area={area} />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
