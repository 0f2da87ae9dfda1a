namespace FacilitatorKit.Web.Components.Access;

public enum AccessMode
{
    SignIn,
    FirstRun,
    SignOut,
    Join,
    Ended,
    Wait,
    NotAllowed,
}
